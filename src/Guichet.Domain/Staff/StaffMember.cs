using Guichet.Identifiers;

namespace Guichet.Domain.Staff;

/// <summary>
/// A member of the back office. Signs in with a password and a TOTP code; the first sign-in (and the one after a reset)
/// uses a one-time password and enrols the authenticator.
/// </summary>
public sealed class StaffMember
{
    public const int MaxEmailLength = EmailAddress.MaxLength;

    public const int MaxDisplayNameLength = 100;

    /// <summary>Data Protection output for a 20-byte secret is about 150 characters; room for a longer key ring header.</summary>
    public const int MaxProtectedSecretLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Trimmed, lower case, unique; also the login.</summary>
    public required string Email { get; set; }

    public required string DisplayName { get; set; }

    public StaffRole Role { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Set with a one-time password (creation, reset): the next sign-in goes through a new password first.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset PasswordChangedAt { get; set; }

    /// <summary>The TOTP secret, encrypted with Data Protection; pending until <see cref="TotpConfirmed"/>.</summary>
    public string? TotpSecretProtected { get; set; }

    public bool TotpConfirmed { get; set; }

    /// <summary>The last TOTP time step accepted: a code of this step or an older one is refused (a code works once).</summary>
    public long? LastTotpStep { get; set; }

    public List<StaffRecoveryCode> RecoveryCodes { get; set; } = [];

    public bool Disabled { get; set; }

    /// <summary>Renewed on password change, reset, disable and TOTP enrolment: every session issued before is refused.</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsEnabledAdministrator => !Disabled && Role == StaffRole.Administrator;

    /// <summary>What the sign-in asks for after a correct password.</summary>
    public StaffNextStep NextStep => MustChangePassword ? StaffNextStep.ChangePassword
        : TotpConfirmed ? StaffNextStep.EnterCode
        : StaffNextStep.EnrolTotp;

    /// <summary>A TOTP code is accepted once: only a step later than the last accepted one counts.</summary>
    public bool IsUnusedStep(long step) => LastTotpStep is not { } last || step > last;

    public static string NormalizeEmail(string? email) => email?.Trim().ToLowerInvariant() ?? string.Empty;

    /// <summary>Ends every session of the member (the cookie validator compares the stamp).</summary>
    public void RenewSecurityStamp()
    {
        SecurityStamp = Guid.NewGuid();
        Touch();
    }

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Back to a first sign-in: new one-time password, no authenticator, no recovery codes.</summary>
    public void Reset(string oneTimePasswordHash, DateTimeOffset now)
    {
        PasswordHash = oneTimePasswordHash;
        PasswordChangedAt = now;
        MustChangePassword = true;
        TotpSecretProtected = null;
        TotpConfirmed = false;
        LastTotpStep = null;
        RecoveryCodes.Clear();
        RenewSecurityStamp();
    }
}

/// <summary>What a staff sign-in needs next; a password alone never opens a session.</summary>
public enum StaffNextStep
{
    /// <summary>The password was a one-time password: choose a new one.</summary>
    ChangePassword,

    /// <summary>No authenticator confirmed yet: scan the QR code and confirm a code.</summary>
    EnrolTotp,

    /// <summary>Enter the authenticator's code (or a recovery code).</summary>
    EnterCode,
}
