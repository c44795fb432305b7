using Guichet.Domain.Companies;

namespace Guichet.Domain.Tests;

public class MembershipTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static Membership With(MembershipStatus status, MembershipRole role = MembershipRole.Member) => new() { Status = status, Role = role };

    [Fact]
    public void Approve_Pending_BecomesAnActiveMemberDecidedByTheActor()
    {
        var membership = With(MembershipStatus.Pending);
        var version = membership.Version;

        membership.Approve("admin@exemple.fr", s_now);

        Assert.Equal((MembershipStatus.Active, MembershipRole.Member), (membership.Status, membership.Role));
        Assert.Equal(("admin@exemple.fr", s_now), (membership.DecidedBy, membership.DecidedAt));
        Assert.NotEqual(version, membership.Version);
    }

    [Fact]
    public void Revoke_ActiveAdministrator_IsARevokedMember()
    {
        var membership = With(MembershipStatus.Active, MembershipRole.Administrator);

        membership.Revoke("admin@exemple.fr", s_now);

        Assert.Equal((MembershipStatus.Revoked, MembershipRole.Member), (membership.Status, membership.Role));
    }

    [Theory]
    [InlineData(MembershipStatus.Pending, MembershipRole.Member, true, true, false, false)]
    [InlineData(MembershipStatus.Active, MembershipRole.Member, false, false, true, true)]
    [InlineData(MembershipStatus.Active, MembershipRole.Administrator, false, false, true, false)]
    [InlineData(MembershipStatus.Refused, MembershipRole.Member, false, false, false, false)]
    [InlineData(MembershipStatus.Revoked, MembershipRole.Member, false, false, false, false)]
    public void Decisions_OfferedOnlyFromTheirStates(
        MembershipStatus status, MembershipRole role, bool approve, bool refuse, bool revoke, bool makeAdministrator)
    {
        var membership = With(status, role);

        Assert.Equal((approve, refuse, revoke, makeAdministrator),
            (membership.CanBeApproved, membership.CanBeRefused, membership.CanBeRevoked, membership.CanBeMadeAdministrator));
    }

    [Fact]
    public void Decision_FromTheWrongState_IsABugAndChangesNothing()
    {
        var membership = With(MembershipStatus.Refused);

        Assert.Throws<InvalidOperationException>(() => membership.MakeAdministrator("admin@exemple.fr", s_now));
        Assert.Equal((MembershipStatus.Refused, MembershipRole.Member, null), (membership.Status, membership.Role, membership.DecidedBy));
    }

    [Fact]
    public void ActiveAdministrator_QueryRule_MatchesTheProperty()
    {
        var rule = Membership.ActiveAdministrator.Compile();

        foreach (var status in Enum.GetValues<MembershipStatus>())
        {
            foreach (var role in Enum.GetValues<MembershipRole>())
            {
                var membership = With(status, role);
                Assert.Equal(membership.IsActiveAdministrator, rule(membership));
            }
        }
    }
}
