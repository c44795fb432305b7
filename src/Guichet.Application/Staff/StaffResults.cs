using Guichet.Domain.Staff;

namespace Guichet.Application.Staff;

/// <summary>Who acts on staff accounts: the operator (commands) or a back-office administrator, checked on every call.</summary>
public sealed record StaffActor(Guid? AdministratorId)
{
    public static StaffActor Operator { get; } = new((Guid?)null);

    public static StaffActor Administrator(Guid staffId) => new(staffId);
}

/// <summary>What a staff cookie carries; the stamp lets <see cref="ValidateStaffSession"/> end it.</summary>
public sealed record StaffSession(Guid StaffId, string Email, string DisplayName, StaffRole Role, Guid SecurityStamp);

/// <summary>A correct password, and the step the sign-in goes on with; never a session by itself.</summary>
public sealed record StaffSignInStep(Guid StaffId, Guid SecurityStamp, StaffNextStep Next);

/// <summary>A new staff member and the one-time password to hand over (shown once).</summary>
public sealed record CreatedStaffMember(Guid StaffId, string Email, string DisplayName, StaffRole Role, string OneTimePassword);

public sealed record StaffPasswordChanged(Guid SecurityStamp, StaffNextStep Next);

/// <summary>The authenticator is confirmed: the recovery codes (shown once) and the session the confirmed code opens.</summary>
public sealed record TotpEnrolled(IReadOnlyList<string> RecoveryCodes, StaffSession Session);

/// <summary>The second factor passed; <see cref="RecoveryCodesLeft"/> is set when a recovery code was spent.</summary>
public sealed record SecondFactorAccepted(StaffSession Session, int? RecoveryCodesLeft);

/// <summary>A member reset to a first sign-in, with the new one-time password (shown once).</summary>
public sealed record StaffMemberReset(Guid StaffId, string Email, string OneTimePassword);

/// <summary>One line of the staff list.</summary>
public sealed record StaffMemberSummary(
    Guid StaffId,
    string Email,
    string DisplayName,
    StaffRole Role,
    bool Disabled,
    bool MustChangePassword,
    bool TotpConfirmed,
    int RecoveryCodesLeft,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastSignInAt);
