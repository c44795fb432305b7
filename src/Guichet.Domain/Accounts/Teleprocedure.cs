namespace Guichet.Domain.Accounts;

/// <summary>Declaration services an account subscribes to (seed 004 §2.3.1); the wire spells DADS_U "DADS-U" (the SOAP contract).</summary>
public enum Teleprocedure
{
    TDFC,
    TVA,
    PAIEMENT,
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
