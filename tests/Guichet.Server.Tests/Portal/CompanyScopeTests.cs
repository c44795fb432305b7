using System.Net;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Guichet.Server.Areas.Portal;
using Guichet.Server.People;
using Guichet.Server.Tests.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Portal;

/// <summary>
/// A company's pages open to the people the route's company counts (policies <see cref="PortalPolicies.CompanyMember"/>
/// and <see cref="PortalPolicies.CompanyAdministrator"/>), on both providers; anyone else gets the error page. Inside
/// the scope, a post that says no decision changes nothing, and an administrator leaving is sent where they stand now.
/// </summary>
public abstract class CompanyScopeTests(GuichetServer server)
{
    [Fact]
    public async Task CompanyHome_OpensToItsActiveMembers_NotToPendingOrStrangers()
    {
        var company = await server.NewCompanyAsync();
        var member = await PersonWithAsync(company, MembershipRole.Member, MembershipStatus.Active);
        var pending = await PersonWithAsync(company, MembershipRole.Member, MembershipStatus.Pending);
        var stranger = await PersonWithAsync(await server.NewCompanyAsync(), MembershipRole.Administrator, MembershipStatus.Active);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(member, $"/entreprise/{company.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(pending, $"/entreprise/{company.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(stranger, $"/entreprise/{company.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(member, $"/entreprise/{Guid.NewGuid()}"));
    }

    [Fact]
    public async Task ManageUsers_OpensToTheCompanysAdministratorsOnly_ForReadingAndPosting()
    {
        var company = await server.NewCompanyAsync();
        var administrator = await PersonWithAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var member = await PersonWithAsync(company, MembershipRole.Member, MembershipStatus.Active);
        var otherAdministrator = await PersonWithAsync(await server.NewCompanyAsync(), MembershipRole.Administrator, MembershipStatus.Active);
        var page = $"/entreprise/{company.Id}/utilisateurs";

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(administrator, page));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(member, page));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(otherAdministrator, page));
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(member.Email);
        using var post = await visitor.SubmitAsync("/entreprises/ajouter", page,
            ("membershipId", Guid.NewGuid().ToString()), ("decision", "Approve"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    /// <summary>Role matrix: a company administrator on another company, by address or by a forged form.</summary>
    [Fact]
    public async Task CompanyAdministrator_ActingOnAnotherCompanysMember_ByAddressOrForm_ChangesNothing()
    {
        var mine = await server.NewCompanyAsync();
        var theirs = await server.NewCompanyAsync();
        var administrator = await PersonWithAsync(mine, MembershipRole.Administrator, MembershipStatus.Active);
        var theirMember = await PersonWithAsync(theirs, MembershipRole.Member, MembershipStatus.Active);
        var theirMembership = await server.InDbAsync(db => db.Memberships.Where(m => m.PersonId == theirMember.Id).Select(m => m.Id).SingleAsync());
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(administrator.Email);

        using var byTheirAddress = await visitor.SubmitAsync($"/entreprise/{mine.Id}/utilisateurs", $"/entreprise/{theirs.Id}/utilisateurs",
            ("membershipId", theirMembership.ToString()), ("decision", "Revoke"));
        using var throughMine = await visitor.SubmitAsync($"/entreprise/{mine.Id}/utilisateurs", $"/entreprise/{mine.Id}/utilisateurs",
            ("membershipId", theirMembership.ToString()), ("decision", "Revoke"));

        Assert.Equal(HttpStatusCode.Forbidden, byTheirAddress.StatusCode);
        Assert.Equal(HttpStatusCode.OK, throughMine.StatusCode);
        Assert.Contains("Cette demande n'existe pas ou plus.", await WebVisitor.TextOfAsync(throughMine), StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active,
            await server.InDbAsync(db => db.Memberships.Where(m => m.Id == theirMembership).Select(m => m.Status).SingleAsync()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Approuver")]
    [InlineData("7")]
    public async Task ManageUsers_PostWithoutAKnownDecision_ChangesNothing(string? decision)
    {
        var company = await server.NewCompanyAsync();
        var administrator = await PersonWithAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var requester = await PersonWithAsync(company, MembershipRole.Member, MembershipStatus.Pending);
        var request = await server.InDbAsync(db => db.Memberships.Where(m => m.PersonId == requester.Id).Select(m => m.Id).SingleAsync());
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(administrator.Email);
        var page = $"/entreprise/{company.Id}/utilisateurs";
        (string, string)[] fields = decision is null ? [("membershipId", request.ToString())]
            : [("membershipId", request.ToString()), ("decision", decision)];

        using var response = await visitor.SubmitAsync(page, page, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Aucune action n'a été choisie : rien n'a été modifié.", await WebVisitor.TextOfAsync(response),
            StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Pending, await server.InDbAsync(db => db.Memberships.Where(m => m.Id == request).Select(m => m.Status)
            .SingleAsync()));
    }

    [Fact]
    public async Task ManageUsers_AnAdministratorRemovingTheirOwnAccess_LandsHomeAndIsTold()
    {
        var company = await server.NewCompanyAsync();
        var leaving = await PersonWithAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        await PersonWithAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        var own = await server.InDbAsync(db => db.Memberships.Where(m => m.PersonId == leaving.Id).Select(m => m.Id).SingleAsync());
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(leaving.Email);
        var page = $"/entreprise/{company.Id}/utilisateurs";

        using var response = await visitor.SubmitAsync(page, page, ("membershipId", own.ToString()), ("decision", "Revoke"));
        using var home = await visitor.GetAsync(response.Headers.Location!.OriginalString);
        using var landing = await visitor.GetAsync(home.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, landing.StatusCode);
        Assert.Contains($"Vous n'avez plus accès à {company.Name}.", await WebVisitor.TextOfAsync(landing), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideItsScope_TheSharedErrorPageAnswers()
    {
        var member = await PersonWithAsync(await server.NewCompanyAsync(), MembershipRole.Member, MembershipStatus.Active);
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(member.Email);

        using var response = await visitor.GetAsync($"/entreprise/{Guid.NewGuid()}/utilisateurs");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<h1>Page introuvable</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Cette page n'existe pas ou vous n'y avez pas accès.", text, StringComparison.Ordinal);
    }

    /// <summary>Fail closed: a page that forgot its <c>{companyId}</c>, or a value that is not one, authorizes nobody.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("pas-un-identifiant")]
    public async Task CompanyPolicies_WithoutACompanyInTheRoute_Refuse(string? routeValue)
    {
        var company = await server.NewCompanyAsync();
        var administrator = await PersonWithAsync(company, MembershipRole.Administrator, MembershipStatus.Active);
        // For the authorization service only: with no session row behind it, a cookie made of it would open no page.
        var user = PersonClaims.For(administrator, passwordExpired: false, PortalClaims.Scheme, sessionId: Guid.Empty);

        var results = await server.InScopeAsync(async services =>
        {
            var authorization = services.GetRequiredService<IAuthorizationService>();
            async Task<bool> Allowed(object? companyId, string policy)
            {
                var http = new DefaultHttpContext { RequestServices = services };
                if (companyId is not null)
                {
                    http.Request.RouteValues["companyId"] = companyId;
                }

                return (await authorization.AuthorizeAsync(user, http, policy)).Succeeded;
            }

            var id = company.Id.ToString();
            return (
                Missing: await Allowed(routeValue, PortalPolicies.CompanyMember) || await Allowed(routeValue, PortalPolicies.CompanyAdministrator),
                Present: await Allowed(id, PortalPolicies.CompanyMember) && await Allowed(id, PortalPolicies.CompanyAdministrator));
        });

        Assert.False(results.Missing);
        Assert.True(results.Present);
    }

    private async Task<HttpStatusCode> StatusAsync(Person person, string path)
    {
        using var visitor = new WebVisitor(server);
        await visitor.SignInToPortalAsync(person.Email);
        using var response = await visitor.GetAsync(path);
        return response.StatusCode;
    }

    private async Task<Person> PersonWithAsync(Company company, MembershipRole role, MembershipStatus status)
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        await server.InDbAsync(db =>
        {
            db.Memberships.Add(new Membership
            {
                PersonId = person.Id,
                CompanyId = company.Id,
                Role = role,
                Status = status,
                RequestedAt = server.Clock.GetUtcNow(),
            });
            return db.SaveChangesAsync();
        });
        return person;
    }
}

public sealed class CompanyScopeTestsOnSqlite(SqliteServerFixture server) : CompanyScopeTests(server), IClassFixture<SqliteServerFixture>;

public sealed class CompanyScopeTestsOnPostgres(PostgresServerFixture server) : CompanyScopeTests(server), IClassFixture<PostgresServerFixture>;
