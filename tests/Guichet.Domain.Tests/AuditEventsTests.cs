using System.Reflection;
using Guichet.Domain.Auditing;

namespace Guichet.Domain.Tests;

public class AuditEventsTests
{
    /// <summary>The audit trail's stored rows carry these strings: a renamed constant is fine, a changed value is not.</summary>
    private static readonly Dictionary<string, string> s_stored = new()
    {
        [nameof(AuditEvents.AccountRegistered)] = "account.registered",
        [nameof(AuditEvents.RegistrationRepeated)] = "account.registration_repeated",
        [nameof(AuditEvents.AccountModified)] = "account.modified",
        [nameof(AuditEvents.AccountStateChanged)] = "account.state_changed",
        [nameof(AuditEvents.WhiteLabelAuthenticationFailed)] = "auth.white_label_failed",
        [nameof(AuditEvents.UserAuthenticationFailed)] = "auth.user_failed",
        [nameof(AuditEvents.WhiteLabelCreated)] = "white_label.created",
        [nameof(AuditEvents.AdministratorCreated)] = "account.administrator_created",
        [nameof(AuditEvents.PersonSignedUp)] = "person.signed_up",
        [nameof(AuditEvents.PersonEmailConfirmed)] = "person.email_confirmed",
        [nameof(AuditEvents.PersonPasswordChanged)] = "person.password_changed",
        [nameof(AuditEvents.MembershipFirstAdministrator)] = "membership.first_administrator",
        [nameof(AuditEvents.MembershipRequested)] = "membership.requested",
        [nameof(AuditEvents.MembershipApproved)] = "membership.approve",
        [nameof(AuditEvents.MembershipRefused)] = "membership.refuse",
        [nameof(AuditEvents.MembershipRevoked)] = "membership.revoke",
        [nameof(AuditEvents.MembershipMadeAdministrator)] = "membership.makeadministrator",
        [nameof(AuditEvents.DirectoryImported)] = "directory.imported",
        [nameof(AuditEvents.DirectoryCompanyChanged)] = "directory.company_changed",
        [nameof(AuditEvents.StaffMemberCreated)] = "staff.member_created",
        [nameof(AuditEvents.StaffAuthenticationFailed)] = "staff.authentication_failed",
        [nameof(AuditEvents.StaffSignedIn)] = "staff.signed_in",
        [nameof(AuditEvents.StaffPasswordChanged)] = "staff.password_changed",
        [nameof(AuditEvents.StaffTotpEnrolled)] = "staff.totp_enrolled",
        [nameof(AuditEvents.StaffRecoveryCodeUsed)] = "staff.recovery_code_used",
        [nameof(AuditEvents.StaffMemberDisabled)] = "staff.member_disabled",
        [nameof(AuditEvents.StaffMemberEnabled)] = "staff.member_enabled",
        [nameof(AuditEvents.StaffMemberReset)] = "staff.member_reset",
        [nameof(AuditEvents.StaffSignedOut)] = "staff.signed_out",
        [nameof(AuditEvents.AuditTrailExported)] = "audit.trail_exported",
    };

    private static Dictionary<string, string> Declared() =>
        typeof(AuditEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void StoredValues_NeverChange()
    {
        var declared = Declared();

        Assert.All(s_stored, stored => Assert.Equal(stored.Value, declared[stored.Key]));
    }

    [Fact]
    public void All_ListsEveryDeclaredValue()
    {
        Assert.Equal(Declared().Values, AuditEvents.All);
    }

    [Fact]
    public void Values_AreDistinctAndShaped()
    {
        var values = Declared().Values.ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
        Assert.All(values, value => Assert.Matches("^[a-z_]+\\.[a-z_]+$", value));
    }
}
