using System.Net;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Domain.WhiteLabels;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>"Marques blanches", the staff administrators' white-label pages, through their real forms, on both providers.</summary>
public abstract partial class WhiteLabelPagesTests(GuichetServer server)
{
    private const string List = "/back-office/marques-blanches";
    private const string New = "/back-office/marques-blanches/nouvelle";

    [Fact]
    public async Task Create_ShowsTheSecretsOnceWithNoStore_ThatWorkOverSoap_AndNeverAgain()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var code = "mb" + Guid.NewGuid().ToString("N")[..10];

        using var created = await admin.Visitor.SubmitAsync(New, New,
            [("Code", code), .. Form("Marque Créée", code + ".exemple.fr", ("LoginPrefix", "ab"), ("AutoEnrol", "true"),
                ("Presentation_accountName_mode", "locked"), ("Presentation_accountName", "client1"))]);
        var text = await WebVisitor.TextOfAsync(created);
        var secret = WsseSecret().Match(text).Groups[1].Value;
        var ssoKey = SsoKey().Match(text).Groups[1].Value;
        var tenant = new SoapIdentity(code, secret);
        var state = await Faults.CatchAsync(() => RegisteringClient.Create(server.RegisteringEndpoint, tenant.As("inconnu", "x"))
            .GetAccountStateAsync("inconnu"));
        using var page = await admin.Visitor.GetAsync($"{List}/{code}");
        using var edit = await admin.Visitor.GetAsync($"{List}/{code}/modifier");
        using var list = await admin.Visitor.GetAsync(List);
        var stored = await server.InDbAsync(db => db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Code == code));
        var audit = await server.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.WhiteLabelId == stored.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(43, secret.Length);
        Assert.Equal(43, ssoKey.Length);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, state.Code); // past the white label's level: the secret works
        foreach (var later in new[] { await WebVisitor.TextOfAsync(page), await WebVisitor.TextOfAsync(edit), await WebVisitor.TextOfAsync(list) })
        {
            Assert.DoesNotContain(secret, later, StringComparison.Ordinal);
            Assert.DoesNotContain(ssoKey, later, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(audit, a => (a.Detail + a.FromValue + a.ToValue).Contains(secret, StringComparison.Ordinal));
        Assert.Contains("<td>Nom du compte</td><td>Pré-rempli et verrouillé</td><td>client1</td>",
            await WebVisitor.TextOfAsync(page), StringComparison.Ordinal);
        Assert.Matches($"<tr data-code=\"{code}\">\\s*<td><a href=\"{List}/{code}\">Marque Créée</a></td>\\s*<td>{code}</td>\\s*<td>Active</td>"
            + "\\s*<td>Production</td>\\s*<td>Oui</td>", await WebVisitor.TextOfAsync(list));
        Assert.Equal("ab", stored.LoginPrefix);
        Assert.Equal(FieldMode.Locked, FieldPresentation.Read(stored.FieldPresentation).For("accountName").Mode);
        var creation = Assert.Single(audit, a => a.Event == AuditEvents.WhiteLabelCreated);
        Assert.Equal("staff:" + admin.Email, creation.Actor);
        Assert.Equal("127.0.0.1", creation.RemoteAddress);
    }

    [Fact]
    public async Task Create_WithBadInput_ShowsEachErrorUnderItsField_AndCreatesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var count = await server.InDbAsync(db => db.WhiteLabels.CountAsync());

        using var refused = await admin.Visitor.SubmitAsync(New, New,
            [("Code", "a/b"), .. Form(" ", "pas un domaine", ("MaxSecondaryAccounts", "mille"), ("SsoTimeZone", "Europe/Atlantis"),
                ("SsoTokenValidityMinutes", "0"), ("DefaultEdiPartnerNumber", "12"), ("Presentation_siret_mode", "locked"))]);
        var text = await WebVisitor.TextOfAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(Under("Code", "Code obligatoire de 40 caractères au plus"), text, StringComparison.Ordinal);
        Assert.Contains(Under("Name", "Le nom est obligatoire"), text, StringComparison.Ordinal);
        Assert.Contains(Under("MailDomain", "Domaine de messagerie invalide"), text, StringComparison.Ordinal);
        Assert.Contains(Under("MaxSecondaryAccounts", "De 0 à 999 comptes secondaires."), text, StringComparison.Ordinal);
        Assert.Contains(Under("SsoTimeZone", "Fuseau horaire inconnu"), text, StringComparison.Ordinal);
        Assert.Contains(Under("SsoTokenValidityMinutes", "La validité d'un jeton SSO va de 1 à 1440 minutes."), text, StringComparison.Ordinal);
        Assert.Contains(Under("DefaultEdiPartnerNumber", "Le PED comporte 7 chiffres."), text, StringComparison.Ordinal);
        Assert.Contains("data-erreur-pour=\"Presentation_siret\">Un champ pré-rempli et verrouillé doit avoir une valeur.",
            text, StringComparison.Ordinal);
        Assert.Equal(count, await server.InDbAsync(db => db.WhiteLabels.CountAsync()));
    }

    [Fact]
    public async Task Edit_ChangesEverySetting_AuditsEachFromTo_AndShowsThem()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var whiteLabel = (await server.CreateWhiteLabelAsync()).WhiteLabel;
        var edit = $"{List}/{whiteLabel.Code}/modifier";
        var version = await VersionOnAsync(admin, edit);

        using var saved = await admin.Visitor.SubmitAsync(edit, edit,
            [("version", version), .. Form("Nouveau nom", "neuf.exemple.fr", ("LoginPrefix", "np"), ("MaxSecondaryAccounts", "12"),
                ("AutoEnrol", "true"), ("SecondaryMailboxByDefault", "false"), ("DefaultEdiPartnerNumber", "1234567"), ("TestEnvironment", "true"),
                ("SsoTokenValidityMinutes", "9"), ("SsoTimeZone", "UTC"), ("Presentation_city_mode", "hidden"), ("Presentation_city", "Lyon"))]);
        using var page = await admin.Visitor.GetAsync(WebVisitor.RedirectPath(saved)!);
        var stored = await server.InDbAsync(db => db.WhiteLabels.AsNoTracking().SingleAsync(w => w.Id == whiteLabel.Id));
        var audit = await server.InDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.WhiteLabelId == whiteLabel.Id && a.Event == AuditEvents.WhiteLabelSettingChanged).ToListAsync());

        Assert.Equal($"{List}/{whiteLabel.Code}", WebVisitor.RedirectPath(saved));
        Assert.Contains("Réglages enregistrés.", await WebVisitor.TextOfAsync(page), StringComparison.Ordinal);
        Assert.Equal(("Nouveau nom", "neuf.exemple.fr", "np", 12),
            (stored.Name, stored.MailDomain, stored.LoginPrefix, stored.MaxSecondaryAccounts));
        Assert.Equal((true, false, "1234567", true),
            (stored.AutoEnrol, stored.SecondaryMailboxByDefault, stored.DefaultEdiPartnerNumber, stored.TestEnvironment));
        Assert.Equal((9, "UTC"), (stored.SsoTokenValidityMinutes, stored.SsoTimeZone));
        Assert.Equal(new FieldRule(FieldMode.Hidden, "Lyon"), FieldPresentation.Read(stored.FieldPresentation).For("city"));
        Assert.All(audit, a => Assert.Equal(("staff:" + admin.Email, "127.0.0.1"), (a.Actor, a.RemoteAddress)));
        var changes = audit.ToDictionary(a => a.Detail!, a => (a.FromValue, a.ToValue));
        Assert.Equal(11, changes.Count);
        Assert.Equal((whiteLabel.Name, "Nouveau nom"), changes["Name"]);
        Assert.Equal(("150", "12"), changes["MaxSecondaryAccounts"]);
        Assert.Equal(("Europe/Paris", "UTC"), changes["SsoTimeZone"]);
        Assert.Equal(("editable", "hidden:Lyon"), changes["Presentation.city"]);
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_ChangesNothing_AndShowsTheCurrentValues()
    {
        using var first = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        using var second = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var whiteLabel = (await server.CreateWhiteLabelAsync()).WhiteLabel;
        var edit = $"{List}/{whiteLabel.Code}/modifier";
        var shownToBoth = await VersionOnAsync(first, edit);

        using var won = await first.Visitor.SubmitAsync(edit, edit, [("version", shownToBoth), .. Form("Premier", whiteLabel.MailDomain)]);
        using var stale = await second.Visitor.SubmitAsync(edit, edit, [("version", shownToBoth), .. Form("Second", whiteLabel.MailDomain)]);
        var text = await WebVisitor.TextOfAsync(stale);

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Cette marque blanche a été modifiée entre-temps", text, StringComparison.Ordinal);
        Assert.Contains("id=\"Name\" name=\"Name\" value=\"Premier\"", text, StringComparison.Ordinal);
        Assert.Equal("Premier", await server.InDbAsync(db => db.WhiteLabels.Where(w => w.Id == whiteLabel.Id).Select(w => w.Name).SingleAsync()));
    }

    [Fact]
    public async Task Edit_WithBadInput_ChangesNothing()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var whiteLabel = (await server.CreateWhiteLabelAsync()).WhiteLabel;
        var edit = $"{List}/{whiteLabel.Code}/modifier";
        var version = await VersionOnAsync(admin, edit);

        using var refused = await admin.Visitor.SubmitAsync(edit, edit,
            [("version", version), .. Form("Valide", whiteLabel.MailDomain, ("SsoTimeZone", "Mars/Olympus"), ("Presentation_city_mode", "flou"))]);
        using var refusedZone = await admin.Visitor.SubmitAsync(edit, edit,
            [("version", version), .. Form("Valide", whiteLabel.MailDomain, ("SsoTimeZone", "Mars/Olympus"))]);

        Assert.Contains("data-erreur-pour=\"Presentation_city\">Présentation inconnue",
            await WebVisitor.TextOfAsync(refused), StringComparison.Ordinal);
        Assert.Contains(Under("SsoTimeZone", "Fuseau horaire inconnu"), await WebVisitor.TextOfAsync(refusedZone), StringComparison.Ordinal);
        Assert.Equal(whiteLabel.Name, await server.InDbAsync(db =>
            db.WhiteLabels.Where(w => w.Id == whiteLabel.Id).Select(w => w.Name).SingleAsync()));
        Assert.False(await server.InDbAsync(db =>
            db.AuditEntries.AnyAsync(a => a.WhiteLabelId == whiteLabel.Id && a.Event == AuditEvents.WhiteLabelSettingChanged)));
    }

    [Fact]
    public async Task RotateWsseSecret_WithoutGrace_ShowsTheNewSecretOnce_AndTheOldOneIsRefusedAtOnce()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var page = $"{List}/{tenant.Credentials.WhiteLabel.Code}";

        using var rotated = await admin.Visitor.SubmitAsync(page, page + "?handler=Secret", ("GraceHours", "0"));
        var secret = WsseSecret().Match(await WebVisitor.TextOfAsync(rotated)).Groups[1].Value;
        var old = await Faults.CatchAsync(() => tenant.Admin.GetAccountStateAsync(primary.Login));
        var fresh = RegisteringClient.Create(server.RegisteringEndpoint,
            new SoapIdentity(tenant.Credentials.WsseUsername, secret, tenant.AdminLogin, tenant.AdminPassword));
        using var later = await admin.Visitor.GetAsync(page);

        Assert.Contains("no-store", rotated.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("L'ancien est refusé dès maintenant.", await WebVisitor.TextOfAsync(rotated), StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, old.Code);
        Assert.Equal(primary.Login, (await fresh.GetAccountStateAsync(primary.Login)).Login);
        Assert.DoesNotContain(secret, await WebVisitor.TextOfAsync(later), StringComparison.Ordinal);
        var audit = await server.InDbAsync(db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.WhiteLabelId == tenant.Credentials.WhiteLabel.Id && a.Event == AuditEvents.WhiteLabelSecretRotated));
        Assert.Equal(("staff:" + admin.Email, "grace 0 h"), (audit.Actor, audit.Detail));
    }

    [Fact]
    public async Task RotateSsoKey_WithGrace_AcceptsBothKeysAndAuditsThePreviousOnesUse_ThenOnlyTheNewAfterIt()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisteredPrimaryAsync();
        var whiteLabel = tenant.Credentials.WhiteLabel;
        var page = $"{List}/{whiteLabel.Code}";
        try
        {
            using var rotated = await admin.Visitor.SubmitAsync(page, page + "?handler=CleSso", ("GraceHours", "2"));
            var newKey = SsoKey().Match(await WebVisitor.TextOfAsync(rotated)).Groups[1].Value;
            string Token(string key) => Application.Security.SsoToken.Create(key, primary.Login, server.Clock.GetUtcNow(), whiteLabel.SsoTimeZone);

            var withOld = await tenant.As(primary.Login, Token(tenant.Credentials.SsoKey!)).GetAccountStateAsync(primary.Login);
            var withNew = await tenant.As(primary.Login, Token(newKey)).GetAccountStateAsync(primary.Login);
            server.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
            var identity = tenant.WhiteLabelOnly with
            {
                TokenOverride = () =>
                (System.Security.Cryptography.RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())),
            };
            var oldAfter = await Faults.CatchAsync(() =>
                tenant.As(identity.As(primary.Login, Token(tenant.Credentials.SsoKey!))).GetAccountStateAsync(primary.Login));
            server.Clock.Advance(TimeSpan.FromSeconds(31)); // past the brake's wait after that failure
            var newAfter = await tenant.As(identity.As(primary.Login, Token(newKey))).GetAccountStateAsync(primary.Login);
            var used = await server.InDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.WhiteLabelId == whiteLabel.Id && a.Event == AuditEvents.WhiteLabelPreviousSsoKeyUsed).ToListAsync());

            Assert.Equal(Wire.AccountState.REGISTERED, withOld.State);
            Assert.Equal(Wire.AccountState.REGISTERED, withNew.State);
            Assert.Equal(ErrorCodes.UserAuthenticationFailed, oldAfter.Code);
            Assert.Equal(Wire.AccountState.REGISTERED, newAfter.State);
            var entry = Assert.Single(used);
            Assert.Equal((primary.Login, "127.0.0.1"), (entry.Actor, entry.RemoteAddress));
        }
        finally
        {
            server.Clock.Reset();
        }
    }

    [Fact]
    public async Task ResetAdministratorPassword_ShowsTheNewOneOnce_RefusesTheOldAtOnce_AndIsAudited()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var page = $"{List}/{tenant.Credentials.WhiteLabel.Code}";
        // A success first: the verified-password cache now remembers the old password.
        Assert.Equal(primary.Login, (await tenant.Admin.GetAccountStateAsync(primary.Login)).Login);

        using var reset = await admin.Visitor.SubmitAsync(page, page + "?handler=Administrateur", ("identifiant", tenant.AdminLogin));
        var password = Password().Match(await WebVisitor.TextOfAsync(reset)).Groups[1].Value;
        var old = await Faults.CatchAsync(() => tenant.Admin.GetAccountStateAsync(primary.Login));
        server.Clock.Advance(TimeSpan.FromSeconds(31)); // past the brake's wait after that failure
        var identity = tenant.WhiteLabelOnly with
        {
            TokenOverride = () =>
                (System.Security.Cryptography.RandomNumberGenerator.GetBytes(16), RegisteringClient.Created(server.Clock.GetUtcNow())),
        };
        var state = await tenant.As(identity.As(tenant.AdminLogin, password)).GetAccountStateAsync(primary.Login);
        using var later = await admin.Visitor.GetAsync(page);
        server.Clock.Reset();

        Assert.Contains("no-store", reset.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(16, password.Length);
        Assert.Equal(ErrorCodes.UserAuthenticationFailed, old.Code);
        Assert.Equal(primary.Login, state.Login);
        Assert.DoesNotContain(password, await WebVisitor.TextOfAsync(later), StringComparison.Ordinal);
        Assert.Equal("staff:" + admin.Email, await server.InDbAsync(db => db.AuditEntries
            .Where(a => a.Event == AuditEvents.AdministratorPasswordReset && a.Subject == tenant.AdminLogin).Select(a => a.Actor).SingleAsync()));
    }

    [Fact]
    public async Task Disable_RefusesItsCallsWithAPreciseFault_KeepsItsFiles_AndReenableRestoresThem()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);
        var tenant = await Tenant.CreateAsync(server);
        var primary = await tenant.RegisterPrimaryAsync();
        var page = $"{List}/{tenant.Credentials.WhiteLabel.Code}";

        using var unconfirmed = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver");
        var stillOn = await tenant.Admin.GetAccountStateAsync(primary.Login);
        using var disabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Desactiver", ("confirmation", "true"));
        var refused = await Faults.CatchAsync(() => tenant.Admin.GetAccountStateAsync(primary.Login));
        var refusedRegistration = await Faults.CatchAsync(() => tenant.RegisterPrimaryAsync());
        var stranger = await Faults.CatchAsync(() =>
            tenant.As(new SoapIdentity(tenant.Credentials.WsseUsername, "faux", tenant.AdminLogin, tenant.AdminPassword))
            .GetAccountStateAsync(primary.Login));
        using var file = await admin.Visitor.GetAsync($"/back-office/dossiers?recherche={primary.Login}");
        using var list = await admin.Visitor.GetAsync(List);
        using var enabled = await admin.Visitor.SubmitAsync(page, page + "?handler=Reactiver");
        var back = await tenant.Admin.GetAccountStateAsync(primary.Login);
        var events = await server.InDbAsync(db => db.AuditEntries.Where(a => a.WhiteLabelId == tenant.Credentials.WhiteLabel.Id
            && (a.Event == AuditEvents.WhiteLabelDisabled || a.Event == AuditEvents.WhiteLabelEnabled)).Select(a => a.Event).ToListAsync());

        Assert.Contains("Cochez la case pour confirmer : rien n'a été fait.", await WebVisitor.TextOfAsync(unconfirmed), StringComparison.Ordinal);
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, stillOn.State);
        Assert.Equal(page, WebVisitor.RedirectPath(disabled));
        Assert.Equal(ErrorCodes.WhiteLabelDisabled, refused.Code);
        Assert.Equal(ErrorCodes.WhiteLabelDisabled, refusedRegistration.Code);
        Assert.Equal(ErrorCodes.WhiteLabelAuthenticationFailed, stranger.Code);
        Assert.Contains(primary.Login, await WebVisitor.TextOfAsync(file), StringComparison.Ordinal);
        Assert.Contains("<td>Désactivée</td>", await WebVisitor.TextOfAsync(list), StringComparison.Ordinal);
        Assert.Equal(page, WebVisitor.RedirectPath(enabled));
        Assert.Equal(Wire.AccountState.WAIT_FOR_FILES, back.State);
        Assert.Equal([AuditEvents.WhiteLabelDisabled, AuditEvents.WhiteLabelEnabled], events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UnknownWhiteLabel_IsNotFound()
    {
        using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);

        using var page = await admin.Visitor.GetAsync($"{List}/inconnue-{Guid.NewGuid():N}");
        using var edit = await admin.Visitor.GetAsync($"{List}/inconnue-{Guid.NewGuid():N}/modifier");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
    }

    /// <summary>Every field of the settings form, with these values (others at their defaults).</summary>
    public static (string Name, string Value)[] Form(string name, string mailDomain, params (string Name, string Value)[] overrides)
    {
        var fields = new Dictionary<string, string>
        {
            ["Name"] = name,
            ["MailDomain"] = mailDomain,
            ["LoginPrefix"] = string.Empty,
            ["MaxSecondaryAccounts"] = "150",
            ["AutoEnrol"] = "false",
            ["SecondaryMailboxByDefault"] = "true",
            ["DefaultEdiPartnerNumber"] = string.Empty,
            ["TestEnvironment"] = "false",
            ["EnableSso"] = "true",
            ["SsoTokenValidityMinutes"] = "5",
            ["SsoTimeZone"] = "Europe/Paris",
        };
        foreach (var (key, value) in overrides)
        {
            fields[key] = value;
        }

        return [.. fields.Select(f => (f.Key, f.Value))];
    }

    public static async Task<string> VersionOnAsync(SignedInStaff admin, string edit)
    {
        using var form = await admin.Visitor.GetAsync(edit);
        return Version().Match(await WebVisitor.TextOfAsync(form)).Groups[1].Value;
    }

    private static string Under(string field, string message) => FieldErrors.Under(field) + message;

    [GeneratedRegex("<code class=\"cle\" id=\"secret-wsse\">([^<]+)</code>")]
    public static partial Regex WsseSecret();

    [GeneratedRegex("<code class=\"cle\" id=\"cle-sso\">([^<]+)</code>")]
    public static partial Regex SsoKey();

    [GeneratedRegex("<code class=\"mot-de-passe\" id=\"mot-de-passe\">([^<]+)</code>")]
    private static partial Regex Password();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex Version();
}

public sealed class WhiteLabelPagesTestsOnSqlite(SqliteServerFixture server) : WhiteLabelPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class WhiteLabelPagesTestsOnPostgres(PostgresServerFixture server)
    : WhiteLabelPagesTests(server), IClassFixture<PostgresServerFixture>;
