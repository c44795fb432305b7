using Guichet.Application.Companies;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Companies;

/// <summary>"Quitter cette entreprise" and "Annuler ma demande" (<see cref="LeaveCompany"/>) on both providers.</summary>
public abstract class LeaveCompanyTests(GuichetServer server)
{
    [Fact]
    public async Task Member_Leaves_IsAudited_AndMayAskAgainLater()
    {
        var company = await server.NewCompanyAsync();
        var adminId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var email = PortalSteps.UniqueEmail();
        var memberId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Active, email);
        var version = await CompanyVersionAsync(company);

        var left = await LeaveAsync(memberId, company.Id);

        Assert.True(left.Succeeded, string.Join("; ", left.Errors));
        Assert.Equal(MembershipStatus.Left, await StatusAsync(memberId, company));
        Assert.Equal(version, await CompanyVersionAsync(company));
        var audit = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.MembershipLeft
            && e.Subject == $"{company.Siren}:{email}"));
        Assert.Equal((email, "Active/Member", "Left/Member"), (audit.Actor, audit.FromValue, audit.ToValue));
        var again = await server.UseAsync<AddCompany, Result<AddedCompany>>(a =>
            a.HandleAsync(memberId, company.Siren, company.MemberCode, PortalSteps.Links, CancellationToken.None));
        Assert.Equal(AddCompanyOutcome.AccessRequested, again.Value.Outcome);
        Assert.NotEqual(Guid.Empty, adminId);
    }

    [Fact]
    public async Task PendingRequest_Withdrawn_IsAudited_AndNoAdministratorIsEmailed()
    {
        var company = await server.NewCompanyAsync();
        var adminEmail = PortalSteps.UniqueEmail();
        await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active, adminEmail);
        var email = PortalSteps.UniqueEmail();
        var requesterId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Pending, email);
        var queued = await QueuedMailsAsync(adminEmail, email);

        var withdrawn = await LeaveAsync(requesterId, company.Id);

        Assert.True(withdrawn.Succeeded, string.Join("; ", withdrawn.Errors));
        Assert.Equal(MembershipStatus.Withdrawn, await StatusAsync(requesterId, company));
        Assert.Equal(queued, await QueuedMailsAsync(adminEmail, email));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.MembershipWithdrawn
            && e.Subject == $"{company.Siren}:{email}" && e.FromValue == "Pending/Member" && e.ToValue == "Withdrawn/Member")));
    }

    [Fact]
    public async Task LastAdministrator_MayNotLeave_ButOneOfTwoMay_AndTheCompanysVersionChanges()
    {
        var company = await server.NewCompanyAsync();
        var firstId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var refused = await LeaveAsync(firstId, company.Id);
        var secondId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var version = await CompanyVersionAsync(company);

        var left = await LeaveAsync(firstId, company.Id);

        Assert.Equal(ErrorCodes.LastAdministrator, refused.FailureCode);
        Assert.Contains("nommez d'abord un autre administrateur", refused.Errors.Single().Message, StringComparison.Ordinal);
        Assert.True(left.Succeeded, string.Join("; ", left.Errors));
        Assert.Equal((MembershipStatus.Left, MembershipRole.Member), (left.Value.Status, left.Value.Role));
        Assert.NotEqual(version, await CompanyVersionAsync(company));
        Assert.Equal(ErrorCodes.LastAdministrator, (await LeaveAsync(secondId, company.Id)).FailureCode);
        Assert.Equal(MembershipStatus.Active, await StatusAsync(secondId, company));
    }

    [Fact]
    public async Task NoAccessNorRequest_NothingToLeave_AndNothingChanges()
    {
        var company = await server.NewCompanyAsync();
        var other = await server.NewCompanyAsync();
        var memberId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Active);
        var revokedId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Revoked);

        var elsewhere = await LeaveAsync(memberId, other.Id);
        var revoked = await LeaveAsync(revokedId, company.Id);

        Assert.Equal(CompanyErrors.NothingToLeave, elsewhere.Errors.Single());
        Assert.Equal(CompanyErrors.NothingToLeave, revoked.Errors.Single());
        Assert.Equal(MembershipStatus.Revoked, await StatusAsync(revokedId, company));
        Assert.Equal(MembershipStatus.Active, await StatusAsync(memberId, company));
    }

    [Fact]
    public async Task TheTwoLastAdministratorsLeavingAtOnce_OneStays()
    {
        for (var round = 0; round < 3; round++)
        {
            var company = await server.NewCompanyAsync();
            var firstId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
            var secondId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);

            var results = await Task.WhenAll(Task.Run(() => LeaveAsync(firstId, company.Id)), Task.Run(() => LeaveAsync(secondId, company.Id)));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.Contains(results.Single(r => !r.Succeeded).FailureCode, new[] { ErrorCodes.ConcurrentModification, ErrorCodes.LastAdministrator });
            Assert.Equal(1, await server.InDbAsync(db =>
                db.Memberships.Where(Membership.ActiveAdministrator).CountAsync(m => m.CompanyId == company.Id)));
        }
    }

    [Fact]
    public async Task CancellingARequest_ThatAnAdministratorApprovedMeanwhile_SaysTheRequestChanged_AndKeepsTheApproval()
    {
        var company = await server.NewCompanyAsync();
        var adminId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var email = PortalSteps.UniqueEmail();
        var requesterId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Pending, email);
        var request = await MembershipIdAsync(requesterId, company);

        var cancelled = await LeaveWithADecisionJustBeforeItsSaveAsync(requesterId, company.Id, () =>
            server.UseAsync<ApproveAccessRequest, Result<Membership>>(a =>
                a.HandleAsync(new CompanyActor.Administrator(adminId), company.Id, request, PortalSteps.Links, CancellationToken.None)));

        Assert.Equal(CompanyErrors.OwnMembershipChangedMeanwhile, cancelled.Errors.Single());
        Assert.Equal(MembershipStatus.Active, await StatusAsync(requesterId, company));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.MembershipWithdrawn
            && e.Subject == $"{company.Siren}:{email}")));
    }

    [Fact]
    public async Task Leaving_WhileAnAdministratorRevokesTheAccess_SaysTheAccessChanged()
    {
        var company = await server.NewCompanyAsync();
        var adminId = await PersonAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var memberId = await PersonAsync(company, MembershipRole.Member, MembershipStatus.Active);
        var access = await MembershipIdAsync(memberId, company);

        var left = await LeaveWithADecisionJustBeforeItsSaveAsync(memberId, company.Id, () =>
            server.UseAsync<RevokeMembership, Result<Membership>>(r =>
                r.HandleAsync(new CompanyActor.Administrator(adminId), company.Id, access, PortalSteps.Links, CancellationToken.None)));

        Assert.Equal(CompanyErrors.OwnMembershipChangedMeanwhile, left.Errors.Single());
        Assert.Equal(MembershipStatus.Revoked, await StatusAsync(memberId, company));
    }

    /// <summary>
    /// <see cref="LeaveCompany"/> with <paramref name="decision"/> taken in another scope after the use case has read the
    /// membership, just before it saves: what an administrator clicking at the same moment does.
    /// </summary>
    private Task<Result<Membership>> LeaveWithADecisionJustBeforeItsSaveAsync(Guid personId, Guid companyId,
        Func<Task<Result<Membership>>> decision) => server.InScopeAsync(services =>
    {
        var decided = false;
        services.GetRequiredService<GuichetDbContext>().SavingChanges += (_, _) =>
        {
            if (!decided)
            {
                decided = true;
                // SavingChanges is synchronous; the decision runs on its own scope and connection, off this thread.
                Assert.True(Task.Run(decision).GetAwaiter().GetResult().Succeeded);
            }
        };
        return services.GetRequiredService<LeaveCompany>().HandleAsync(personId, companyId, CancellationToken.None);
    });

    private Task<Guid> MembershipIdAsync(Guid personId, Company company) => server.InDbAsync(db =>
        db.Memberships.Where(m => m.PersonId == personId && m.CompanyId == company.Id).Select(m => m.Id).SingleAsync());

    private Task<Result<Membership>> LeaveAsync(Guid personId, Guid companyId) =>
        server.UseAsync<LeaveCompany, Result<Membership>>(l => l.HandleAsync(personId, companyId, CancellationToken.None));

    private async Task<Guid> PersonAsync(Company company, MembershipRole role, MembershipStatus status, string? email = null)
    {
        var personId = await server.ConfirmedPersonAsync(email ?? PortalSteps.UniqueEmail());
        await server.InDbAsync(db =>
        {
            db.Memberships.Add(new Membership
            {
                PersonId = personId,
                CompanyId = company.Id,
                Role = role,
                Status = status,
                RequestedAt = server.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        return personId;
    }

    /// <summary>Emails saved for these addresses (sent or not yet): the outbox holds every one a change causes.</summary>
    private Task<int> QueuedMailsAsync(params string[] addresses) =>
        server.InDbAsync(db => db.MailOutbox.CountAsync(m => addresses.Contains(m.Recipient)));

    private Task<MembershipStatus> StatusAsync(Guid personId, Company company) => server.InDbAsync(db =>
        db.Memberships.Where(m => m.PersonId == personId && m.CompanyId == company.Id).Select(m => m.Status).SingleAsync());

    private Task<Guid> CompanyVersionAsync(Company company) =>
        server.InDbAsync(db => db.Companies.Where(c => c.Id == company.Id).Select(c => c.Version).SingleAsync());
}

public sealed class LeaveCompanyTestsOnSqlite(SqliteServerFixture server) : LeaveCompanyTests(server), IClassFixture<SqliteServerFixture>;

public sealed class LeaveCompanyTestsOnPostgres(PostgresServerFixture server) : LeaveCompanyTests(server), IClassFixture<PostgresServerFixture>;
