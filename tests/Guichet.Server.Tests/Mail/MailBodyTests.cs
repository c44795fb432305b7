using Guichet.Application.Companies;
using Guichet.Application.Mail;
using Guichet.Application.People;
using Guichet.Domain.Accounts;
using Guichet.Domain.Companies;
using Guichet.Domain.People;

namespace Guichet.Server.Tests.Mail;

/// <summary>The one builder of our emails: the same words in a text part and an HTML alternative, every value encoded.</summary>
public sealed class MailBodyTests
{
    private const string Link = "https://guichet.example.fr/compte/valider?jeton=a-b_c&x=1";

    [Fact]
    public void Paragraphs_AndLinks_AreTheSameWordsInBothParts()
    {
        var message = new MailBody()
            .Paragraph("Madame, Monsieur,")
            .Paragraph("Merci de cliquer sur ce lien : ", new MailLink("Valider", Link), ".")
            .List(["un", "deux"])
            .ToMessage("a@exemple.fr", "Sujet « accentué »");

        Assert.Equal($"Madame, Monsieur,\n\nMerci de cliquer sur ce lien : Valider.\n{Link}\n\n- un\n- deux\n", message.TextBody);
        Assert.NotNull(message.HtmlBody);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"fr\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>Sujet « accentué »</title>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<p>Madame, Monsieur,</p>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(
            "<p>Merci de cliquer sur ce lien : <a href=\"https://guichet.example.fr/compte/valider?jeton=a-b_c&amp;x=1\">Valider</a>.</p>",
            message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<ul>\n<li>un</li>\n<li>deux</li>\n</ul>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryValue_IsHtmlEncoded_InTheHtmlPartOnly()
    {
        var message = new MailBody()
            .Paragraph("<script>alert('x')</script> & \"co\"")
            .Paragraph(string.Empty, new MailLink("<b>", "https://x.example/\"><script>"), string.Empty)
            .List(["<i>"])
            .ToMessage("a@exemple.fr", "<Sujet>");

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://x.example/&quot;&gt;&lt;script&gt;\">&lt;b&gt;</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;Sujet&gt;</title>", message.HtmlBody, StringComparison.Ordinal);
        Assert.StartsWith("<script>alert('x')</script> & \"co\"", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEmail_HasAnHtmlAlternative_CarryingItsLinks()
    {
        var company = new Company { Siren = "732829320", MemberCode = "ADH", Name = "Durand & Fils" };
        var person = new Person { Email = "camille@exemple.fr", FirstName = "Camille", LastName = "Durand", PasswordHash = "x" };
        var membership = new Membership { Person = person, Company = company };
        MailMessage[] messages =
        [
            PortalEmails.ValidateAccount("a@exemple.fr", Link, TimeSpan.FromHours(24)),
            PortalEmails.AlreadyRegistered("a@exemple.fr", Link, Link),
            PortalEmails.ResetPassword("a@exemple.fr", Link, TimeSpan.FromHours(1)),
            CompanyEmails.AccessRequested("a@exemple.fr", "camille@exemple.fr", company.Name, Link, reminder: false),
            CompanyEmails.AccessApproved(membership, Link),
            CompanyEmails.AccessRefused(membership, Link),
            CompanyEmails.AccessRevoked(membership, Link),
            CompanyEmails.MadeAdministrator(membership, Link),
        ];

        foreach (var message in messages)
        {
            Assert.NotNull(message.HtmlBody);
            Assert.Contains(Link, message.TextBody, StringComparison.Ordinal);
            Assert.Contains("href=\"https://guichet.example.fr/compte/valider?jeton=a-b_c&amp;x=1\"", message.HtmlBody, StringComparison.Ordinal);
        }

        Assert.Contains("Durand &amp; Fils", messages[3].HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, "Ce lien est valable 24 heures")]
    [InlineData(48, "Ce lien est valable 2 jours")]
    public void ValidationEmail_SaysTheConfiguredLifetime_AndGreetsMadameMonsieur(int hours, string lifetime)
    {
        var message = PortalEmails.ValidateAccount("a@exemple.fr", Link, TimeSpan.FromHours(hours));

        Assert.Equal("Validation de création de compte", message.Subject);
        Assert.StartsWith("Madame, Monsieur,\n\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(lifetime, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(lifetime, message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ResetEmail_SaysTheConfiguredLifetime_AndGreetsMadameMonsieur()
    {
        var message = PortalEmails.ResetPassword("a@exemple.fr", Link, TimeSpan.FromMinutes(30));

        Assert.StartsWith("Madame, Monsieur,\n\n", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("(valable 30 minutes, une seule fois)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicySentence_FollowsThePortalsOptions()
    {
        var longer = new PortalOptions { PasswordMinLength = 12, PasswordMaxLength = 40 };

        Assert.StartsWith("Votre mot de passe doit contenir minimum 8 caractères (au plus 64) :",
            PasswordMessages.Sentence(new PortalOptions().PasswordPolicy), StringComparison.Ordinal);
        Assert.StartsWith("Votre mot de passe doit contenir minimum 12 caractères (au plus 40) :",
            PasswordMessages.Sentence(longer.PasswordPolicy), StringComparison.Ordinal);
    }
}
