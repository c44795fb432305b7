using Guichet.Application.Staff;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Portal;
using Guichet.Server.Tests.Soap;

namespace Guichet.Server.Tests.Staff;

/// <summary>
/// A refused staff sign-in costs one slow hash verification whether the email is unknown, the password wrong or the
/// member disabled (counted, not timed), so that the answer's delay does not tell them apart either.
/// </summary>
public sealed class StaffSignInCostTests(CountingServerFixture server) : IClassFixture<CountingServerFixture>
{
    [Fact]
    public async Task UnknownEmail_WrongPassword_DisabledMember_CostOneVerificationEach()
    {
        var known = await server.CreateStaffAsync();
        var disabled = await server.CreateStaffAsync();
        await server.UseAsync<DisableStaffMember, Result<StaffMemberSummary>>(d =>
            d.HandleAsync(disabled.StaffId, StaffActor.Operator, null, CancellationToken.None));

        var unknown = await VerificationsOfAsync(StaffSteps.UniqueEmail(), "Pas-le-bon1");
        var wrong = await VerificationsOfAsync(known.Email, "Pas-le-bon1");
        var disabledRight = await VerificationsOfAsync(disabled.Email, disabled.OneTimePassword);

        Assert.Equal((1, 1, 1), (unknown, wrong, disabledRight));
    }

    private async Task<int> VerificationsOfAsync(string email, string password)
    {
        var before = server.Hashing.Verifications;
        var result = await server.SignInStaffAsync(email, password);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, result.FailureCode);
        return server.Hashing.Verifications - before;
    }
}
