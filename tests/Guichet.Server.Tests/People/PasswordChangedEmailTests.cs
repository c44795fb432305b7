using Guichet.Application.People;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.People;

/// <summary>
/// "Votre mot de passe a été modifié" reaches the person through a real SMTP server, whichever way the password changed:
/// from "Mon compte", the expired-password page (the same use case) or a lost-password link.
/// </summary>
public sealed class PasswordChangedEmailTests(PortalServer server) : IClassFixture<PortalServer>
{
    private const string NewPassword = "Nouveau-Secret-42!";

    [Fact]
    public async Task ChangeWithTheCurrentPassword_IsEmailed_WithTheLostPasswordLinkOfTheSpace()
    {
        var person = await server.CreatePersonAsync();
        var links = new PortalLinks(server.BaseAddress + "partenaire");

        var changed = await server.UseAsync<ChangePassword, Result<Person>>(c =>
            c.HandleAsync(person.Id, PortalServer.Password, NewPassword, NewPassword, links, null, CancellationToken.None));

        Assert.True(changed.Succeeded, string.Join("; ", changed.Errors));
        var mail = (await server.WaitForMailAsync(person.Email, "Votre mot de passe a été modifié")).Single();
        Assert.Contains("(heure de Paris)", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Madame, Monsieur,", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($">Récupérer mon mot de passe</a>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith(server.BaseAddress + "partenaire/mot-de-passe-oublie", PortalServer.LinkIn(mail, "mot-de-passe-oublie"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetByLink_IsEmailed_TheSameWay()
    {
        var person = await server.CreatePersonAsync();
        var links = new PortalLinks(server.BaseAddress.ToString().TrimEnd('/'));
        await server.UseAsync<RequestPasswordReset, int>(async r =>
        {
            await r.HandleAsync(person.Email, links, null, CancellationToken.None);
            return 0;
        });
        var link = PortalServer.LinkIn((await server.WaitForMailAsync(person.Email, "Réinitialisation")).Single(), "jeton=");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("jeton=", StringComparison.Ordinal) + "jeton=".Length)..]);

        var reset = await server.UseAsync<ResetPassword, Result<Person>>(r => r.HandleAsync(token, NewPassword, NewPassword, links,
            null, CancellationToken.None));

        Assert.True(reset.Succeeded, string.Join("; ", reset.Errors));
        var mail = (await server.WaitForMailAsync(person.Email, "Votre mot de passe a été modifié")).Single();
        Assert.StartsWith(server.BaseAddress + "mot-de-passe-oublie", PortalServer.LinkIn(mail, "mot-de-passe-oublie"), StringComparison.Ordinal);
        Assert.Equal(1, await server.InDbAsync(db =>
            db.AuditEntries.CountAsync(e => e.Event == "person.password_changed" && e.Subject == person.Email)));
    }
}
