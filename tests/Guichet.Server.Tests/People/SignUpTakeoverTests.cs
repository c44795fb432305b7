using System.Text.RegularExpressions;
using Guichet.Application.People;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Mail;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.People;

/// <summary>
/// Signing up again with a known address, on both providers: an unconfirmed registration is replaced and only the latest
/// sign-up's link validates (also when two sign-ups race); a validated account keeps its password and its owner gets a
/// capped notice; every path hashes once and sends nothing during the request.
/// </summary>
public abstract partial class SignUpTakeoverTests(SignUpServer server)
{
    private const string StrangerPassword = "Intrus-pass9!";
    private const string OwnerPassword = "Titulaire-pass7!";

    [Fact]
    public async Task SignUpAgain_UnconfirmedAddress_ReplacesTheRegistration_AndOnlyTheLatestLinkValidates()
    {
        var email = PortalServer.NewEmail("cible");
        Assert.True((await SignUpAsync(email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test", contributionsOnly: true,
            PortalSpace.Partenaire)).Succeeded);
        var strangerLink = Assert.Single(await LinksAsync(email, 1));

        Assert.True((await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://titulaire.test")).Succeeded);
        var ownerLink = (await LinksAsync(email, 2)).Single(l => l.StartsWith("http://titulaire.test", StringComparison.Ordinal));

        // The earlier link is revoked at once (not only refused for its older password).
        Assert.Equal(1, await server.InDbAsync(db => db.PersonTokens.CountAsync(t => t.Purpose == TokenPurpose.EmailValidation
            && t.ConsumedAt == null && db.People.Any(p => p.Id == t.PersonId && p.Email == email))));
        Assert.Equal(ErrorCodes.TokenUsed, (await ValidateAsync(strangerLink, StrangerPassword)).FailureCode);
        Assert.True((await ValidateAsync(ownerLink, OwnerPassword)).Succeeded);
        var person = await server.InDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));
        Assert.Equal(("Olivia", "Titulaire", false, PortalSpace.Entreprise), (person.FirstName, person.LastName, person.ContributionsOnly,
            person.SignedUpIn));
        Assert.True(await VerifiesAsync(person.PasswordHash, OwnerPassword));
        Assert.False(await VerifiesAsync(person.PasswordHash, StrangerPassword));
        var audit = await server.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == email).OrderBy(e => e.Id)
            .Select(e => e.Event).ToListAsync());
        Assert.Equal([AuditEvents.PersonSignedUp, AuditEvents.PersonSignUpReplaced, AuditEvents.PersonEmailConfirmed], audit);
    }

    /// <summary>
    /// The stranger signs up AFTER the owner: the newest link, in the owner's mailbox, is for the stranger's password.
    /// Clicking it with the owner's own password validates nothing; the owner signs up again and takes the address back.
    /// </summary>
    [Fact]
    public async Task StrangerSigningUpAfterTheOwner_TheOwnerClickingTheNewestLink_ValidatesNothing()
    {
        var email = PortalServer.NewEmail("apres");
        await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://titulaire.test");
        await SignUpAsync(email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test");
        var strangers = (await LinksAsync(email, 2)).Single(l => l.StartsWith("http://intrus.test", StringComparison.Ordinal));

        var clicked = await ValidateAsync(strangers, OwnerPassword);

        Assert.Equal(ErrorCodes.NotTheSignUpPassword, clicked.FailureCode);
        Assert.Null(await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync()));
        await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://titulaire.test");
        var owners = (await LinksAsync(email, 3)).Last(l => l.StartsWith("http://titulaire.test", StringComparison.Ordinal));
        Assert.True((await ValidateAsync(owners, OwnerPassword)).Succeeded);
        var hash = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.PasswordHash).SingleAsync());
        Assert.True(await VerifiesAsync(hash, OwnerPassword));
    }

    /// <summary>
    /// A stranger who keeps signing up up to the hourly cap leaves the owner with no link of their own password: the refusal
    /// points to "Récupérer mon mot de passe", whose link (a cap of its own) sets the owner's password and validates.
    /// </summary>
    [Fact]
    public async Task StrangerUpToTheSignUpCap_TheOwnerTakesTheAccountBackByRecoveringThePassword()
    {
        var email = PortalServer.NewEmail("reprise");
        await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://titulaire.test");
        for (var i = 1; i < PersonTokens.MaxPerHour; i++)
        {
            await SignUpAsync(email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test");
        }

        // The cap is reached: the owner's sign-up again would send nothing, and the newest link is for the stranger's password.
        var newest = (await LinksAsync(email, PersonTokens.MaxPerHour))[^1];
        var refused = await ValidateAsync(newest, OwnerPassword);
        Assert.Equal(ErrorCodes.NotTheSignUpPassword, refused.FailureCode);
        Assert.Contains("« Récupérer mon mot de passe »", refused.Errors.Single().Message, StringComparison.Ordinal);

        await server.InScopeAsync(async services =>
        {
            await services.GetRequiredService<RequestPasswordReset>().HandleAsync(email, new PortalLinks("http://titulaire.test"), null,
                CancellationToken.None);
            return true;
        });
        var reset = await server.WaitForMailAsync(email, "Réinitialisation");
        var token = Uri.UnescapeDataString(TokenPattern().Match(reset.Single().TextBody ?? string.Empty).Groups[1].Value);
        var chosen = await server.InScopeAsync(services => services.GetRequiredService<ResetPassword>().HandleAsync(token, "Reprise-pass5!",
            "Reprise-pass5!", new PortalLinks("http://titulaire.test"), null, CancellationToken.None));

        Assert.True(chosen.Succeeded);
        var person = await server.InDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == email));
        Assert.NotNull(person.EmailConfirmedAt);
        Assert.True(await VerifiesAsync(person.PasswordHash, "Reprise-pass5!"));
    }

    [Fact]
    public async Task SignUpAgain_PastTheHourlyCap_SendsNoLink_ButStillRevokesTheEarlierOnes()
    {
        var email = PortalServer.NewEmail("plafond");
        for (var i = 0; i < PersonTokens.MaxPerHour; i++)
        {
            await SignUpAsync(email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test");
        }

        await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://titulaire.test");

        await server.AllMailSentAsync(email);
        Assert.Equal(PersonTokens.MaxPerHour, (await LinksAsync(email, PersonTokens.MaxPerHour)).Count);
        Assert.False(await server.InDbAsync(db => db.PersonTokens.AnyAsync(t => t.Purpose == TokenPurpose.EmailValidation
            && t.ConsumedAt == null && db.People.Any(p => p.Id == t.PersonId && p.Email == email))));
        var hash = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.PasswordHash).SingleAsync());
        Assert.True(await VerifiesAsync(hash, OwnerPassword));
    }

    [Fact]
    public async Task ValidationLink_IssuedBeforeThePasswordWasReplaced_ConfirmsNothing()
    {
        var email = PortalServer.NewEmail("course");
        await SignUpAsync(email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test");
        var link = Assert.Single(await LinksAsync(email, 1));
        // A replacement that saved its password after this link was issued, the link not revoked yet (the two at once).
        await server.InDbAsync(db => db.People.Where(p => p.Email == email)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PasswordChangedAt, server.Clock.GetUtcNow().AddSeconds(5))));

        var validated = await ValidateAsync(link, StrangerPassword);

        Assert.Equal(ErrorCodes.TokenUsed, validated.FailureCode);
        Assert.Null(await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.EmailConfirmedAt).SingleAsync()));
    }

    [Fact]
    public async Task ConcurrentSignUps_UnconfirmedAddress_TheValidLinkIsThatOfTheStoredPassword()
    {
        for (var round = 0; round < 4; round++)
        {
            var email = PortalServer.NewEmail("double");
            await SignUpAsync(email, StrangerPassword, "Premier", "Essai", "http://premier.test");
            await LinksAsync(email, 1);

            using var start = new Barrier(2);
            var racers = new[] { ("http://un.test", "Un-pass-111!"), ("http://deux.test", "Deux-pass-222!") }
                .Select(r => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    return await SignUpAsync(email, r.Item2, "Course", "Simultanée", r.Item1);
                })).ToList();
            Assert.All(await Task.WhenAll(racers), r => Assert.True(r.Succeeded));
            await server.AllMailSentAsync(email);

            var links = await LinksAsync(email, 2);
            var valid = new List<string>();
            foreach (var link in links)
            {
                var password = link.StartsWith("http://un.test", StringComparison.Ordinal) ? "Un-pass-111!" : "Deux-pass-222!";
                if ((await ValidateAsync(link, password)).Succeeded)
                {
                    valid.Add(link);
                }
            }

            var winner = Assert.Single(valid);
            var hash = await server.InDbAsync(db => db.People.Where(p => p.Email == email).Select(p => p.PasswordHash).SingleAsync());
            Assert.True(await VerifiesAsync(hash, winner.StartsWith("http://un.test", StringComparison.Ordinal) ? "Un-pass-111!" : "Deux-pass-222!"),
                $"Round {round}: the link of {winner} validated another sign-up's password.");
        }
    }

    [Fact]
    public async Task SignUpAgain_ValidatedAddress_KeepsItsPassword_AndItsNoticesCountInTheHourlyCap()
    {
        var owner = await server.CreatePersonAsync("Olivia", "Titulaire");
        var hash = owner.PasswordHash;

        for (var i = 0; i < PersonTokens.MaxPerHour + 2; i++)
        {
            Assert.True((await SignUpAsync(owner.Email, StrangerPassword, "Ivan", "Intrus", "http://intrus.test")).Succeeded);
        }

        await server.AllMailSentAsync(owner.Email);
        Assert.Equal(PersonTokens.MaxPerHour, await server.InDbAsync(db => db.MailOutbox.CountAsync(m => m.Recipient == owner.Email)));
        Assert.Equal(PersonTokens.MaxPerHour, server.MailTo(owner.Email).Count);
        Assert.All(server.MailTo(owner.Email), m => Assert.DoesNotContain("jeton=", m.TextBody, StringComparison.Ordinal));
        var person = await server.InDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == owner.Email));
        Assert.Equal((hash, "Olivia"), (person.PasswordHash, person.FirstName));
    }

    /// <summary>
    /// The hourly cap holds when the requests come at once: each one counts the links sent and adds one, and without a
    /// lock (the person's version) several would count the same links and all send.
    /// </summary>
    [Theory]
    [InlineData(TokenPurpose.EmailValidation)]
    [InlineData(TokenPurpose.PasswordReset)]
    public async Task ConcurrentLinkRequests_NeverSendMoreThanTheHourlyCap(TokenPurpose purpose)
    {
        var email = PortalServer.NewEmail("rafale");
        await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://portail.test");
        var racers = 3 * PersonTokens.MaxPerHour;

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, racers).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await server.InScopeAsync(async services =>
            {
                var links = new PortalLinks("http://portail.test");
                await (purpose == TokenPurpose.EmailValidation
                    ? services.GetRequiredService<ResendValidationEmail>().HandleAsync(email, links, "192.0.2.1", CancellationToken.None)
                    : services.GetRequiredService<RequestPasswordReset>().HandleAsync(email, links, "192.0.2.1", CancellationToken.None));
                return true;
            });
        })).ToList();
        start.SetResult();
        await Task.WhenAll(requests);

        var issued = await server.InDbAsync(db => db.PersonTokens.CountAsync(t => t.Purpose == purpose
            && db.People.Any(p => p.Id == t.PersonId && p.Email == email)));
        Assert.InRange(issued, 1, PersonTokens.MaxPerHour);
        Assert.Equal(issued + (purpose == TokenPurpose.EmailValidation ? 0 : 1),
            await server.InDbAsync(db => db.MailOutbox.CountAsync(m => m.Recipient == email)));
    }

    [Theory]
    [InlineData("Ivan\r\nCliquez ici", ErrorCodes.InvalidValue)]
    [InlineData("Ivan\u202Eecilop", ErrorCodes.InvalidValue)]
    [InlineData("Voir https://piege.example", ErrorCodes.InvalidValue)]
    [InlineData("WWW.piege.example", ErrorCodes.InvalidValue)]
    public async Task SignUp_NameWithControlCharactersOrAWebAddress_IsRefused_AndNothingIsWritten(string name, string code)
    {
        var email = PortalServer.NewEmail("nom");

        var first = await SignUpAsync(email, OwnerPassword, name, "Nom", "http://portail.test");
        var last = await SignUpAsync(email, OwnerPassword, "Prénom", name, "http://portail.test");

        Assert.Contains(first.Errors, e => e is { Field: "FirstName" } && e.Code == code && e.Message.StartsWith("Le prénom ne peut",
            StringComparison.Ordinal));
        Assert.Contains(last.Errors, e => e is { Field: "LastName" } && e.Code == code && e.Message.StartsWith("Le nom ne peut",
            StringComparison.Ordinal));
        Assert.False(await server.InDbAsync(db => db.People.AnyAsync(p => p.Email == email)));
        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == email)));
    }

    [Fact]
    public async Task SignUp_HashesOnce_AndSendsNothingDuringTheRequest_WhateverTheAddress()
    {
        var (fresh, unconfirmed) = (PortalServer.NewEmail("neuf"), PortalServer.NewEmail("attente"));
        var validated = (await server.CreatePersonAsync()).Email;
        await SignUpAsync(unconfirmed, StrangerPassword, "Ivan", "Intrus", "http://portail.test");
        await server.AllMailSentAsync(unconfirmed);
        var before = server.MailTo(unconfirmed).Count;

        // A paused mail server accepts connections and never answers: a request that talked SMTP would hang 20 s here.
        server.Smtp.Pause();
        var hashes = new List<int>();
        try
        {
            foreach (var email in new[] { fresh, unconfirmed, validated })
            {
                var counted = server.Hashing.Hashes;
                var answer = await SignUpAsync(email, OwnerPassword, "Olivia", "Titulaire", "http://portail.test")
                    .WaitAsync(TimeSpan.FromSeconds(10));
                Assert.True(answer.Succeeded);
                Assert.Equal(email, answer.Value);
                hashes.Add(server.Hashing.Hashes - counted);
                Assert.True(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == email && m.State == OutgoingMailState.Pending)));
            }
        }
        finally
        {
            server.Smtp.Resume();
        }

        Assert.Equal([1, 1, 1], hashes);
        foreach (var email in new[] { fresh, unconfirmed, validated })
        {
            await server.AllMailSentAsync(email);
        }

        Assert.Single(server.MailTo(fresh));
        Assert.Equal(before + 1, server.MailTo(unconfirmed).Count);
        Assert.Single(server.MailTo(validated));
    }

    /// <summary>
    /// The anonymous link forms write and commit on every path, known address or not (a path that only read would answer
    /// measurably faster), and the trail says what each did without keeping a typed text that is not an address.
    /// </summary>
    [Fact]
    public async Task AnonymousLinkRequests_RecordOneAuditRowOnEveryPath()
    {
        var (unknown, pending) = (PortalServer.NewEmail("inconnu"), PortalServer.NewEmail("attente"));
        var validated = (await server.CreatePersonAsync()).Email;
        await SignUpAsync(pending, OwnerPassword, "Olivia", "Titulaire", "http://portail.test");
        var links = new PortalLinks("http://portail.test");

        foreach (var email in new[] { unknown, pending, validated, "pas-une-adresse" })
        {
            await server.InScopeAsync(async services =>
            {
                await services.GetRequiredService<RequestPasswordReset>().HandleAsync(email, links, "192.0.2.7", CancellationToken.None);
                await services.GetRequiredService<ResendValidationEmail>().HandleAsync(email, links, "192.0.2.7", CancellationToken.None);
                return true;
            });
        }

        var rows = await server.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RemoteAddress == "192.0.2.7"
            && (e.Event == AuditEvents.PersonPasswordResetRequested || e.Event == AuditEvents.PersonValidationEmailRequested))
            .Select(e => new { e.Event, e.Subject, e.Detail }).ToListAsync());
        string? Detail(string subject, string @event) => rows.Single(r => r.Subject == subject && r.Event == @event).Detail;
        Assert.Equal(8, rows.Count);
        Assert.Equal(("unknown address", "unknown address"), (Detail(unknown, AuditEvents.PersonPasswordResetRequested),
            Detail(unknown, AuditEvents.PersonValidationEmailRequested)));
        Assert.Equal(("link sent", "link sent"), (Detail(pending, AuditEvents.PersonPasswordResetRequested),
            Detail(pending, AuditEvents.PersonValidationEmailRequested)));
        Assert.Equal(("link sent", "already validated"), (Detail(validated, AuditEvents.PersonPasswordResetRequested),
            Detail(validated, AuditEvents.PersonValidationEmailRequested)));
        Assert.Equal(2, rows.Count(r => r.Subject == TypedLogin.NotAnEmailAddress));

        await SignUpAsync(validated, StrangerPassword, "Ivan", "Intrus", "http://intrus.test");
        Assert.Equal("notice sent", await server.InDbAsync(db => db.AuditEntries.Where(e => e.Subject == validated
            && e.Event == AuditEvents.PersonSignUpOnValidatedAddress).Select(e => e.Detail).SingleAsync()));
    }

    private Task<Result<string>> SignUpAsync(string email, string password, string firstName, string lastName, string linksBase,
        bool contributionsOnly = false, PortalSpace space = PortalSpace.Entreprise) =>
        server.InScopeAsync(services => services.GetRequiredService<SignUp>().HandleAsync(
            new SignUpRequest(email, email, password, password, firstName, lastName, contributionsOnly, space), new PortalLinks(linksBase),
                "192.0.2.1",
            CancellationToken.None));

    private Task<Result<Person>> ValidateAsync(string link, string password) => server.InScopeAsync(services =>
        services.GetRequiredService<ValidateEmail>().HandleAsync(Uri.UnescapeDataString(TokenPattern().Match(link).Groups[1].Value),
            password, CancellationToken.None));

    /// <summary>The validation links received at the address (whatever the email's wording), once there are at least <paramref
    /// name="count"/>.</summary>
    private async Task<IReadOnlyList<string>> LinksAsync(string email, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var links = server.MailTo(email).SelectMany(m => LinkPattern().Matches(m.TextBody ?? string.Empty).Select(x => x.Value)).Distinct()
                .ToList();
            if (links.Count >= count)
            {
                return links;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} validation link(s) to {email}, got {links.Count}.");
            await Task.Delay(50);
        }
    }

    private async Task<bool> VerifiesAsync(string hash, string password) =>
        await server.Hashing.VerifyAsync(hash, password, CancellationToken.None) != Application.Security.PasswordCheck.Invalid;

    [GeneratedRegex(@"https?://\S+/compte/valider\?jeton=[A-Za-z0-9_%-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("jeton=([A-Za-z0-9_%-]+)")]
    private static partial Regex TokenPattern();
}

public sealed class SignUpTakeoverTestsOnSqlite(SqliteSignUpServer server) : SignUpTakeoverTests(server), IClassFixture<SqliteSignUpServer>;

public sealed class SignUpTakeoverTestsOnPostgres(PostgresSignUpServer server) : SignUpTakeoverTests(server), IClassFixture<PostgresSignUpServer>;
