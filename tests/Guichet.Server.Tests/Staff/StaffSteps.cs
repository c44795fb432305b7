using Guichet.Application.Staff;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using OtpNet;

namespace Guichet.Server.Tests.Staff;

/// <summary>A staff member through their first sign-in: what the test needs to sign in again and compute codes.</summary>
public sealed record EnrolledStaff(Guid Id, string Email, string Password, byte[] Secret, IReadOnlyList<string> RecoveryCodes, Guid Stamp);

/// <summary>Calls the staff use cases as the back-office pages will, and computes TOTP codes on the server's clock.</summary>
public static class StaffSteps
{
    public const string Password = "Nouveau-pass1";

    public const string Address = "203.0.113.7";

    public static string UniqueEmail() => $"s-{Guid.NewGuid():N}@guichet.test";

    public static async Task<CreatedStaffMember> CreateStaffAsync(this GuichetServer server, StaffRole role = StaffRole.Agent, string? email = null)
    {
        var request = new NewStaffMember(email ?? UniqueEmail(), "Agent Test", role.ToString());
        var created = await server.UseAsync<CreateStaffMember, Result<CreatedStaffMember>>(c =>
            c.HandleAsync(request, StaffActor.Operator, null, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return created.Value;
    }

    /// <summary>Created, password changed, authenticator enrolled: ready for <see cref="VerifyAsync"/>.</summary>
    public static async Task<EnrolledStaff> EnrolledStaffAsync(this GuichetServer server, StaffRole role = StaffRole.Agent)
    {
        var created = await server.CreateStaffAsync(role);
        var changed = await server.ChangePasswordAsync(created.StaffId, created.OneTimePassword, Password);
        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var secret = await server.BeginEnrolmentSecretAsync(created.StaffId);
        var enrolled = await server.UseAsync<ConfirmTotpEnrolment, Result<TotpEnrolled>>(c =>
            c.HandleAsync(created.StaffId, server.Code(secret), Address, CancellationToken.None));
        Assert.True(enrolled.Succeeded, string.Join("; ", enrolled.Errors));
        return new EnrolledStaff(created.StaffId, created.Email, Password, secret, enrolled.Value.RecoveryCodes,
            enrolled.Value.Session.SecurityStamp);
    }

    public static async Task<byte[]> BeginEnrolmentSecretAsync(this GuichetServer server, Guid staffId)
    {
        var begun = await server.UseAsync<BeginTotpEnrolment, Result<TotpEnrolment>>(b => b.HandleAsync(staffId, CancellationToken.None));
        Assert.True(begun.Succeeded, string.Join("; ", begun.Errors));
        return Base32Encoding.ToBytes(begun.Value.ManualKey.Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    public static Task<Result<StaffSignInStep>> SignInStaffAsync(this GuichetServer server, string email, string password) =>
        server.UseAsync<SignInStaff, Result<StaffSignInStep>>(s => s.HandleAsync(email, password, Address, CancellationToken.None));

    public static Task<Result<StaffPasswordChanged>> ChangePasswordAsync(this GuichetServer server, Guid staffId, string current, string password) =>
        server.UseAsync<ChangeStaffPassword, Result<StaffPasswordChanged>>(c =>
            c.HandleAsync(staffId, current, password, password, Address, CancellationToken.None));

    public static Task<Result<SecondFactorAccepted>> VerifyAsync(this GuichetServer server, Guid staffId, string code) =>
        server.UseAsync<VerifyStaffSecondFactor, Result<SecondFactorAccepted>>(v => v.HandleAsync(staffId, code, Address, CancellationToken.None));

    public static Task<bool> SessionHoldsAsync(this GuichetServer server, Guid staffId, Guid stamp) =>
        server.UseAsync<ValidateStaffSession, bool>(v => v.HandleAsync(staffId, stamp, CancellationToken.None));

    /// <summary>The authenticator's code at the server's time, <paramref name="steps"/> steps of 30 seconds away.</summary>
    public static string Code(this GuichetServer server, byte[] secret, int steps = 0) =>
        new Totp(secret).ComputeTotp(server.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>
    /// Moves the server's clock 5 seconds into the next TOTP step (past the step spent at enrolment), so that a test has
    /// 25 seconds before the step changes under it.
    /// </summary>
    public static void NextStep(this GuichetServer server)
    {
        var now = server.Clock.GetUtcNow();
        var intoStep = TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks % TimeSpan.FromSeconds(30).Ticks);
        server.Clock.Advance(TimeSpan.FromSeconds(35) - intoStep);
    }

    /// <summary>Past any wait of the brake (at most 30 minutes), then into a fresh step.</summary>
    public static void PastTheBrake(this GuichetServer server)
    {
        server.Clock.Advance(TimeSpan.FromMinutes(31));
        server.NextStep();
    }
}
