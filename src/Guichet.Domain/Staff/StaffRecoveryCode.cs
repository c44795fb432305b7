namespace Guichet.Domain.Staff;

/// <summary>One single-use recovery code of a staff member, stored as a slow hash; a used code's row is deleted.</summary>
public sealed class StaffRecoveryCode
{
    public const int MaxHashLength = 200;

    public long Id { get; set; }

    public Guid StaffMemberId { get; set; }

    public required string CodeHash { get; set; }
}
