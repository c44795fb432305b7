namespace Guichet.Domain.Accounts;

/// <summary>Account categories of seed 004 §2.3.1; PERSONNAL keeps the seed's spelling, which is on the wire.</summary>
public enum AccountCategory
{
    PUBLIC_ACCOUNTANT,
    COMPANY,
    OGA,
    GPA,
    PERSONNAL,
}
