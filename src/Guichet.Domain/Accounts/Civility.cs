namespace Guichet.Domain.Accounts;

public enum Civility
{
    MR,
    MS,
    MISS,
}
