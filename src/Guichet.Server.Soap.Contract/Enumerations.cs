using System.Xml.Serialization;

namespace Guichet.Server.Soap.Contract;

// The wire's enumerations. Their member names are the values integrators send and read (seed 004 spelling):
// they are mapped to the domain's in ContractMapping, so a domain rename never changes the WSDL.

/// <summary>Account categories (§2.3.1). PERSONNAL is the seed's spelling.</summary>
public enum AccountCategory
{
    PUBLIC_ACCOUNTANT,
    COMPANY,
    OGA,
    GPA,
    PERSONNAL,
}

/// <summary>Civility of the account's manager (§2.3.1).</summary>
public enum Civility
{
    MR,
    MS,
    MISS,
}

/// <summary>Declaration services an account subscribes to (§2.3.1).</summary>
public enum Teleprocedure
{
    TDFC,
    TVA,
    PAIEMENT,
    [XmlEnum("DADS-U")]
    DADS_U,
    DUCS,
    DUE,
    DPAE,
    AED,
    DSI,
    REQUETE,
    IR,
    DSN,
    DRP,
    OGA,
    PART,
    WEB_TDFC,
    WEB_TVA,
    WEB_PAIEMENT,
    WEB_REQUETE,
    WEB_PART,
}

/// <summary>States of a registration file (§5.4, §6.4); only the states an action can reach are announced.</summary>
public enum AccountState
{
    CREATION_IN_PROGRESS,
    CREATION_SUSPENDED,
    WAIT_FOR_FILES,
    BO_VALIDATED,
    BO_REJECTED,
    REGISTRATION_IN_PROGRESS,
    REGISTERED,
    CLOSED,
}

/// <summary>Actions of <c>changeAccountStatus</c> (§6.3).</summary>
public enum AccountAction
{
    BACK_TO_STATE_IN_PROGRESS,
    BACK_TO_STATE_WAITING,
    BACK_TO_STATE_SUSPENDED,
    REJECT,
    VALIDATE,
    ENROLL,
    DISABLE,
    ENABLE,
}
