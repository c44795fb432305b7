using Guichet.Application.Companies;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Browser;

/// <summary>
/// Tests that advance the server's clock: they have a server of their own (the clock cannot go back), and each only
/// relies on time it advances itself.
/// </summary>
public sealed class ExpiringBrowserTests(PortalServer server, BrowserFixture browser) : IClassFixture<PortalServer>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ValidationLinkAfter25Hours_SaysExpired()
    {
        var email = PortalServer.NewEmail();
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "camille");
        await visitor.SignUpAsync(email);
        await visitor.ExpectTitleAsync("Validation de compte");
        var link = PortalServer.LinkIn((await server.WaitForMailAsync(email, "Validation de création de compte")).Single(),
            "compte/valider?jeton=");

        server.Clock.Advance(TimeSpan.FromHours(25));
        await visitor.ValidateAsync(link);

        await visitor.ExpectTextAsync("Ce lien a expiré : demandez-en un nouveau.");
        await visitor.ShotAsync("lien-expire");
        Assert.Null(await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync()));
    }

    /// <summary>The first reminder may follow the request at once; the next ones wait a day each (<c>Membership.CanRemind</c>).</summary>
    [Fact]
    public async Task RemindAccessRequest_FirstAtOnceThenOncePer24Hours()
    {
        var (administrator, requester, company) = (await server.CreatePersonAsync("Alice", "Admin"),
            await server.CreatePersonAsync("Bruno", "Demandeur"), await server.CreateCompanyAsync());
        Assert.Equal(AddCompanyOutcome.BecameAdministrator, await server.AddCompanyAsync(administrator, company));
        var requestSubject = $"Demande d'accès à {company.Name}";
        var reminderSubject = $"Relance : {requestSubject}";
        await using var visitor = await PortalVisitor.OpenAsync(browser, server, "bruno");
        await visitor.LoginAsync(requester.Email);
        await visitor.AddCompanyAsync(company);
        await visitor.ExpectTextAsync("Une demande d'accès a été envoyée à/aux l'administrateur(s) de cette entreprise.");
        await server.WaitForMailAsync(administrator.Email, requestSubject);

        await visitor.ClickAsync("Relancer ma demande");
        await visitor.ExpectTextAsync("Votre demande a été relancée auprès des administrateurs de l'entreprise.");
        await server.WaitForMailAsync(administrator.Email, reminderSubject);
        await visitor.ClickAsync("Relancer ma demande");
        await visitor.ExpectTextAsync("Vous avez déjà relancé cette demande il y a moins de 24 heures.");
        await visitor.ShotAsync("relance-trop-tot");
        await server.AllMailSentAsync(administrator.Email);
        Assert.Single(server.MailTo(administrator.Email), m => m.Subject == reminderSubject);

        server.Clock.Advance(TimeSpan.FromHours(25));
        // The 8-hour session has expired with the day: log in again, back to the page.
        await visitor.GotoAsync("/entreprises/ajouter");
        await visitor.LoginAsync(requester.Email);
        await visitor.ExpectPathAsync("/entreprises/ajouter");
        await visitor.ClickAsync("Relancer ma demande");
        await visitor.ExpectTextAsync("Votre demande a été relancée auprès des administrateurs de l'entreprise.");
        await visitor.ShotAsync("relancee");
        var reminder = (await server.WaitForMailAsync(administrator.Email, reminderSubject, 2))[1];
        Assert.Contains(requester.Email, reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains(new Uri(server.BaseAddress, $"entreprise/{company.Id}/utilisateurs").ToString(), reminder.TextBody, StringComparison.Ordinal);

        await visitor.ClickAsync("Relancer ma demande");
        await visitor.ExpectTextAsync("Vous avez déjà relancé cette demande il y a moins de 24 heures.");
        await visitor.ShotAsync("relance-refusee");
        await server.AllMailSentAsync(administrator.Email);
        Assert.Equal(3, server.MailTo(administrator.Email).Count(m => m.Subject?.EndsWith(requestSubject, StringComparison.Ordinal) == true));
    }
}
