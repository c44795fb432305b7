namespace Guichet.Domain.Accounts;

/// <summary>
/// States of a registration file (seed 004, §5.4 and §6.4). The wire names are the seed's.
/// §5.4 also lists PORTAL_AWARED, BO_VALIDATION_REQUESTED, INCOMPLETE and BO_UNVALIDATED, which no action of §6.4
/// reaches; they are left out so that the WSDL only announces states an account can be in.
/// </summary>
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
