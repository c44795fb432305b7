namespace Guichet.Domain.Accounts;

/// <summary>Actions of <c>changeAccountStatus</c> (seed 004, §6.3).</summary>
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
