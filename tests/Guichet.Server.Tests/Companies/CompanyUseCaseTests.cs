using Guichet.Application.Companies;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Companies;

/// <summary>
/// The rules of companies (adding one, access requests, administrators' decisions), called as the pages call them, on both
/// providers.
/// </summary>
public abstract class CompanyUseCaseTests(GuichetServer server)
{
    [Fact]
    public async Task AddCompany_FirstComerAdministers_NextOneRequests_AndAdministratorsAreEmailed()
    {
        var company = await server.NewCompanyAsync();
        var first = PortalSteps.UniqueEmail();
        var second = PortalSteps.UniqueEmail();
        var firstId = await server.ConfirmedPersonAsync(first);
        var secondId = await server.ConfirmedPersonAsync(second);

        var administrator = await AddAsync(firstId, company.Siren, company.MemberCode);
        var request = await AddAsync(secondId, company.Siren, company.MemberCode.ToLowerInvariant());
        var twice = await AddAsync(secondId, company.Siren, company.MemberCode);

        Assert.Equal(AddCompanyOutcome.BecameAdministrator, administrator.Value.Outcome);
        Assert.True(administrator.Value.Membership.IsActiveAdministrator);
        Assert.Equal(AddCompanyOutcome.AccessRequested, request.Value.Outcome);
        Assert.Equal(MembershipStatus.Pending, request.Value.Membership.Status);
        Assert.Contains(twice.Errors, e => e.Code == ErrorCodes.AlreadyRequested);
        var mail = await server.WaitForMailAsync(first, "Demande d'accès");
        Assert.Contains($"/entreprise/{company.Id}/utilisateurs", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCompany_BadSirenOrUnknownPair_SaysSoPlainly()
    {
        var company = await server.NewCompanyAsync();
        var id = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());

        var badChecksum = await AddAsync(id, "732829321", company.MemberCode);
        var wrongCode = await AddAsync(id, company.Siren, "PAS-LE-BON");

        Assert.Contains(badChecksum.Errors, e => e is { Field: "Siren", Code: ErrorCodes.InvalidSiren });
        Assert.Contains(wrongCode.Errors, e => e.Code == ErrorCodes.UnknownMember);
        Assert.False(await server.InDbAsync(db => db.Memberships.AnyAsync(m => m.PersonId == id)));
    }

    [Fact]
    public async Task AddCompany_SirenPastedFromAWebPage_IsRead()
    {
        var company = await server.NewCompanyAsync();
        var id = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var pasted = $"{company.Siren[..3]}\u00a0{company.Siren[3..6]}\u202f{company.Siren[6..]}.";

        var added = await AddAsync(id, pasted, company.MemberCode);

        Assert.Equal(AddCompanyOutcome.BecameAdministrator, added.Value.Outcome);
    }

    [Fact]
    public async Task Administration_OnlyAdministratorsDecide_AndTheLastOneStays()
    {
        var company = await server.NewCompanyAsync();
        var adminId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var memberEmail = PortalSteps.UniqueEmail();
        var memberId = await server.ConfirmedPersonAsync(memberEmail);
        var adminMembership = (await AddAsync(adminId, company.Siren, company.MemberCode)).Value.Membership;
        var request = (await AddAsync(memberId, company.Siren, company.MemberCode)).Value.Membership;

        var byRequester = await ApproveAsync(memberId, company.Id, request.Id);
        var approved = await ApproveAsync(adminId, company.Id, request.Id);
        var approvedTwice = await ApproveAsync(adminId, company.Id, request.Id);
        var lastAdmin = await RevokeAsync(adminId, company.Id, adminMembership.Id);
        var promoted = await AppointAsync(adminId, company.Id, request.Id);
        var nowPossible = await RevokeAsync(memberId, company.Id, adminMembership.Id);

        Assert.Equal(ErrorCodes.AccessDenied, byRequester.FailureCode);
        Assert.Equal(MembershipStatus.Active, approved.Value.Status);
        Assert.Equal(ErrorCodes.TransitionNotAllowed, approvedTwice.FailureCode);
        Assert.Equal(ErrorCodes.LastAdministrator, lastAdmin.FailureCode);
        Assert.True(promoted.Value.IsActiveAdministrator);
        Assert.Equal(MembershipStatus.Revoked, nowPossible.Value.Status);
        await server.WaitForMailAsync(memberEmail, "Votre accès");
        var audit = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"{company.Siren}:{memberEmail}")
            .Select(e => e.Event).ToListAsync());
        Assert.Contains("membership.approve", audit);
        Assert.Contains("membership.makeadministrator", audit);
    }

    [Fact]
    public async Task TwoAdministratorsRemovingEachOtherAtOnce_OneStays()
    {
        for (var round = 0; round < 3; round++)
        {
            var company = await server.NewCompanyAsync();
            var firstId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
            var secondId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
            var first = (await AddAsync(firstId, company.Siren, company.MemberCode)).Value.Membership;
            var second = (await AddAsync(secondId, company.Siren, company.MemberCode)).Value.Membership;
            await ApproveAsync(firstId, company.Id, second.Id);
            await AppointAsync(firstId, company.Id, second.Id);

            var results = await Task.WhenAll(
                Task.Run(() => RevokeAsync(firstId, company.Id, second.Id)),
                Task.Run(() => RevokeAsync(secondId, company.Id, first.Id)));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            // The loser may also find it is no longer an administrator at all.
            Assert.Contains(results.Single(r => !r.Succeeded).FailureCode, new[] { ErrorCodes.ConcurrentModification, ErrorCodes.LastAdministrator,
                ErrorCodes.AccessDenied });
            Assert.Equal(1, await server.InDbAsync(db => db.Memberships.Where(Membership.ActiveAdministrator).CountAsync(m =>
                m.CompanyId == company.Id)));
        }
    }

    [Fact]
    public async Task TwoFirstComersAtOnce_OneAdministers_TheOtherRequests()
    {
        for (var round = 0; round < 3; round++)
        {
            var company = await server.NewCompanyAsync();
            var firstId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
            var secondId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());

            var results = await Task.WhenAll(
                Task.Run(() => AddAsync(firstId, company.Siren, company.MemberCode)),
                Task.Run(() => AddAsync(secondId, company.Siren, company.MemberCode)));

            Assert.All(results, r => Assert.True(r.Succeeded));
            Assert.Equal([AddCompanyOutcome.BecameAdministrator, AddCompanyOutcome.AccessRequested],
                results.Select(r => r.Value.Outcome).Order());
            var statuses = await server.InDbAsync(db => db.Memberships.Where(m => m.CompanyId == company.Id)
                .Select(m => new { m.Status, m.Role }).ToListAsync());
            Assert.Single(statuses, m => m is { Status: MembershipStatus.Active, Role: MembershipRole.Administrator });
            Assert.Single(statuses, m => m.Status == MembershipStatus.Pending);
        }
    }

    [Fact]
    public async Task Refuse_PendingRequestOnly_AndThePersonIsTold()
    {
        var company = await server.NewCompanyAsync();
        var adminId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var requesterEmail = PortalSteps.UniqueEmail();
        var requesterId = await server.ConfirmedPersonAsync(requesterEmail);
        var adminMembership = (await AddAsync(adminId, company.Siren, company.MemberCode)).Value.Membership;
        var request = (await AddAsync(requesterId, company.Siren, company.MemberCode)).Value.Membership;

        var refused = await RefuseAsync(adminId, company.Id, request.Id);
        var refusedTwice = await RefuseAsync(adminId, company.Id, request.Id);
        var activeOne = await RefuseAsync(adminId, company.Id, adminMembership.Id);

        Assert.Equal(MembershipStatus.Refused, refused.Value.Status);
        Assert.Equal(ErrorCodes.TransitionNotAllowed, refusedTwice.FailureCode);
        Assert.Equal(ErrorCodes.TransitionNotAllowed, activeOne.FailureCode);
        Assert.Contains("a été refusée", (await server.WaitForMailAsync(requesterEmail, "Votre accès")).TextBody, StringComparison.Ordinal);
        var audit = await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == $"{company.Siren}:{requesterEmail}")
            .Select(e => e.Event).ToListAsync());
        Assert.Contains("membership.refuse", audit);
    }

    [Fact]
    public async Task AccessRequestAndReminder_NameTheRequesterByTheirAddress_NeverByTheNameTheyTyped()
    {
        var company = await server.NewCompanyAsync();
        var adminEmail = PortalSteps.UniqueEmail();
        var adminId = await server.ConfirmedPersonAsync(adminEmail);
        var requesterEmail = PortalSteps.UniqueEmail();
        var requesterId = await server.ConfirmedPersonAsync(requesterEmail);
        await server.InDbAsync(db => db.People.Where(p => p.Id == requesterId).ExecuteUpdateAsync(s =>
            s.SetProperty(p => p.FirstName, "Zéphyrine").SetProperty(p => p.LastName, "Gagnez-un-iPhone")));
        await AddAsync(adminId, company.Siren, company.MemberCode);
        var request = (await AddAsync(requesterId, company.Siren, company.MemberCode)).Value.Membership;
        Assert.True((await RemindAsync(requesterId, request.Id)).Succeeded);

        await server.WaitForMailAsync(adminEmail, "Relance : ");
        await server.AllMailSentAsync(adminEmail);

        var mails = server.MailsTo(adminEmail)
            .Where(m => (m.Subject ?? string.Empty).Contains("Demande d'accès", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"Demande d'accès à {company.Name}", $"Relance : Demande d'accès à {company.Name}"],
            mails.Select(m => m.Subject).Order(StringComparer.Ordinal));
        foreach (var mail in mails)
        {
            var bodies = mail.TextBody + mail.HtmlBody;
            Assert.Contains($"{requesterEmail} demande l'accès à l'entreprise {company.Name}.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"<p>{requesterEmail} demande l", mail.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Zéphyrine", bodies, StringComparison.Ordinal);
            Assert.DoesNotContain("iPhone", bodies + mail.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Remind_FirstAtOnce_ThenAtMostOnceADay()
    {
        var company = await server.NewCompanyAsync();
        var adminEmail = PortalSteps.UniqueEmail();
        var adminId = await server.ConfirmedPersonAsync(adminEmail);
        var requesterId = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        await AddAsync(adminId, company.Siren, company.MemberCode);
        var request = (await AddAsync(requesterId, company.Siren, company.MemberCode)).Value.Membership;

        var first = await RemindAsync(requesterId, request.Id);
        var second = await RemindAsync(requesterId, request.Id);
        var byStranger = await RemindAsync(adminId, request.Id);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorCodes.ReminderTooSoon, second.FailureCode);
        Assert.False(byStranger.Succeeded);
        await server.WaitForMailAsync(adminEmail, "Relance : ");
        await server.AllMailSentAsync(adminEmail);
        Assert.Equal(2, server.MailsTo(adminEmail).Count(m => (m.Subject ?? string.Empty).Contains("Demande d'accès", StringComparison.Ordinal)));
    }

    private Task<Result<AddedCompany>> AddAsync(Guid personId, string siren, string code) =>
        server.UseAsync<AddCompany, Result<AddedCompany>>(a => a.HandleAsync(personId, siren, code, PortalSteps.Links, CancellationToken.None));

    private Task<Result<Membership>> ApproveAsync(Guid actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<ApproveAccessRequest, Result<Membership>>(u =>
            u.HandleAsync(new CompanyActor.Administrator(actor), companyId, membershipId, PortalSteps.Links, CancellationToken.None));

    private Task<Result<Membership>> RefuseAsync(Guid actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<RefuseAccessRequest, Result<Membership>>(u =>
            u.HandleAsync(new CompanyActor.Administrator(actor), companyId, membershipId, PortalSteps.Links, CancellationToken.None));

    private Task<Result<Membership>> RevokeAsync(Guid actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<RevokeMembership, Result<Membership>>(u =>
            u.HandleAsync(new CompanyActor.Administrator(actor), companyId, membershipId, PortalSteps.Links, CancellationToken.None));

    private Task<Result<Membership>> AppointAsync(Guid actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<AppointAdministrator, Result<Membership>>(u =>
            u.HandleAsync(new CompanyActor.Administrator(actor), companyId, membershipId, PortalSteps.Links, CancellationToken.None));

    private Task<Result<Membership>> RemindAsync(Guid personId, Guid membershipId) =>
        server.UseAsync<RemindAccessRequest, Result<Membership>>(r => r.HandleAsync(personId, membershipId, PortalSteps.Links,
            CancellationToken.None));
}

public sealed class CompanyUseCaseTestsOnSqlite(SqliteServerFixture server) : CompanyUseCaseTests(server), IClassFixture<SqliteServerFixture>;

public sealed class CompanyUseCaseTestsOnPostgres(PostgresServerFixture server) : CompanyUseCaseTests(server), IClassFixture<PostgresServerFixture>;
