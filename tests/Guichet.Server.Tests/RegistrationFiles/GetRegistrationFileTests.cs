using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Enrolment;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.RegistrationFiles;

/// <summary>The file page's read model: the seed's fields and labels in order, the family, the trail, the job, the actions.</summary>
public abstract class GetRegistrationFileTests(GuichetServer server)
{
    private readonly TestFiles _files = new(server);

    [Fact]
    public async Task Primary_EveryFieldInTheSeedsOrder_WithItsFrenchLabel_EmptyOnesAbsent()
    {
        var wl = await _files.WhiteLabelAsync();
        var data = TestFiles.File("Boulangerie Martin");
        data.Address!.Complement = "  ";
        var file = await _files.AddAsync(wl, data: data);

        var view = (await _files.ViewAsync(file.Id)).Value;

        Assert.Equal(
        [
            "Infos générales", "Infos Responsable du compte utilisateur", "Abonnement aux téléprocédures", "Paramètres téléprocédure DSN",
            "Paramètres téléprocédure DPAE", "Infos Responsable Technique", "Infos Responsable Administratif",
            "Infos Responsable des données personnelles (RGPD)", "Infos sur la Facturation",
        ], view.Sections.Select(s => s.Title));
        Assert.Equal(
        [
            ("Nom du compte", data.AccountName), ("Nom du mandataire social", null), ("Numéro Partenaire EDI (PED)", null),
            ("N° de SIRET", data.Siret),
            ("Raison sociale", "Boulangerie Martin"), ("Nombre de comptes secondaires", "3"), ("Adresse postale", "1 rue de la Paix"),
            ("Complément Adresse", null), ("Boîte postale", null), ("Ville", "Paris"), ("Code postal", "75002"), ("Pays", "FR"), ("Test", "Non"),
            ("Catégorie", "COMPANY"), ("N° d'inscription à l'ordre", null), ("Numéro fiscal", null), ("Profil alerte", null),
        ], view.Sections[0].Fields.Select(f => (f.Label, f.Value)));
        Assert.Equal(
        [
            ("Civilité responsable", "MS"), ("Nom responsable", "Martin"), ("Prénom responsable", "Claire"), ("Adresse mail", data.Manager!.Email),
            ("Téléphone", "+33140000000"), ("Fax", null),
        ], view.Sections[1].Fields.Select(f => (f.Label, f.Value)));
        Assert.Equal(("Télé-procédures", "TVA, DADS-U"), (view.Sections[2].Fields[0].Label, view.Sections[2].Fields[0].Value));
        Assert.Equal(["Nom", "Prénom", "Fonction", "Téléphone", "Adresse mail"], view.Sections[7].Fields.Select(f => f.Label));
        Assert.Equal(
        [
            "Adresse postale", "Complément Adresse", "Boîte postale", "Ville", "Code postal", "Pays", "Date de début de facturation",
            "N° TVA intracommunautaire",
        ], view.Sections[8].Fields.Select(f => f.Label));
        Assert.Equal("FR40303265045", view.Sections[8].Fields[^1].Value);
        Assert.DoesNotContain(view.Sections.SelectMany(s => s.Fields), f => f.Label.Contains("Mot de passe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Primary_StateDescriptionVersionActionsAndSecondaries()
    {
        var wl = await _files.WhiteLabelAsync();
        var primary = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        var second = await _files.AddAsync(wl, state: AccountState.REGISTERED, primary: primary);
        var first = await _files.AddAsync(wl, state: AccountState.CLOSED, primary: primary);

        var view = (await _files.ViewAsync(primary.Id)).Value;

        Assert.Equal((AccountState.WAIT_FOR_FILES, "Dossier en attente des pièces à envoyer par courrier"), (view.State, view.StateDescription));
        Assert.Equal((await _files.StoredAsync(primary.Id)).Version, view.Version);
        Assert.Equal(
            [
                (AccountAction.BACK_TO_STATE_IN_PROGRESS, "Remettre en cours de création"), (AccountAction.BACK_TO_STATE_SUSPENDED, "Suspendre"),
                (AccountAction.REJECT, "Rejeter"), (AccountAction.VALIDATE, "Valider"),
            ],
            view.AllowedActions.Select(a => (a.Action, a.Label)));
        Assert.Null(view.Primary);
        var expected = new[] { (first.Login, AccountState.CLOSED), (second.Login, AccountState.REGISTERED) }
            .OrderBy(s => s.Login, StringComparer.Ordinal);
        Assert.Equal(expected, view.Secondaries.Select(s => (s.Login, s.State)));
    }

    [Fact]
    public async Task Secondary_ItsPrimary_ItsOwnTable_NoBilling()
    {
        var wl = await _files.WhiteLabelAsync();
        var primary = await _files.AddAsync(wl, state: AccountState.REGISTERED);
        var secondary = await _files.AddAsync(wl, state: AccountState.REGISTERED, primary: primary);

        var view = (await _files.ViewAsync(secondary.Id)).Value;

        Assert.Equal((primary.Id, primary.Login, AccountState.REGISTERED), (view.Primary!.Id, view.Primary.Login, view.Primary.State));
        Assert.Empty(view.Secondaries);
        Assert.Equal("Dossier ouvert", view.StateDescription);
        Assert.Equal([(AccountAction.DISABLE, "Désactiver")], view.AllowedActions.Select(a => (a.Action, a.Label)));
        Assert.DoesNotContain(view.Sections, s => s.Title == "Infos sur la Facturation");
        Assert.Equal(
        [
            "Nom du compte", "Nom du mandataire social", "Numéro Partenaire EDI (PED)", "N° de SIRET", "Raison sociale", "Adresse postale",
            "Complément Adresse", "Boîte postale", "Ville", "Code postal", "Pays", "Numéro fiscal", "Test", "Profil alerte", "Boîte mail",
        ], view.Sections[0].Fields.Select(f => f.Label));
        Assert.Equal("Oui", view.Sections[0].Fields[^1].Value);
    }

    [Fact]
    public async Task AuditTrail_NewestFirst_Capped_AndTheEnrolmentJob()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl, state: AccountState.REGISTRATION_IN_PROGRESS);
        var start = server.Clock.GetUtcNow().AddDays(-1);
        // Still leased: the server's enrolment worker leaves it alone.
        var leasedUntil = server.Clock.GetUtcNow().AddHours(1);
        await server.InDbAsync(db =>
        {
            for (var i = 0; i < 205; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = start.AddMinutes(i),
                    Actor = "staff:x@y.fr",
                    Event = AuditEvents.AccountModified,
                    Subject = file.Login,
                    Detail = $"n{i}",
                });
            }

            db.AuditEntries.Add(new AuditEntry { At = start.AddDays(1), Actor = "x", Event = AuditEvents.AccountModified, Subject = "other" });
            db.EnrolmentJobs.Add(new EnrolmentJob
            {
                AccountId = file.Id,
                EnqueuedAt = start,
                Attempts = 3,
                LastError = "IOException: boîte pleine",
                LeasedUntil = leasedUntil,
            });
            return db.SaveChangesAsync();
        });

        var view = (await _files.ViewAsync(file.Id)).Value;

        Assert.Equal(200, view.AuditTrail.Count);
        Assert.True(view.AuditTrailTruncated);
        Assert.Equal(["n204", "n203"], view.AuditTrail.Take(2).Select(a => a.Detail));
        Assert.All(view.AuditTrail, a => Assert.Equal("staff:x@y.fr", a.Actor));
        var job = Assert.Single(view.EnrolmentJobs);
        Assert.Equal((3, "IOException: boîte pleine"), (job.Attempts, job.LastError));
        Assert.Equal(leasedUntil.UtcTicks / 10, job.NextAttemptAt.UtcTicks / 10);
        Assert.Empty(view.AllowedActions);
    }

    [Fact]
    public async Task UnknownIdOrAdministrator_IsNotFound()
    {
        var credentials = await server.CreateWhiteLabelAsync();
        var (login, _) = await server.CreateAdministratorAsync(credentials.WhiteLabel.Code);
        var adminId = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == login).Select(a => a.Id).SingleAsync());

        Assert.Equal(ErrorCodes.AccountNotFound, (await _files.ViewAsync(adminId)).FailureCode);
        Assert.Equal(ErrorCodes.AccountNotFound, (await _files.ViewAsync(Guid.NewGuid())).FailureCode);
    }
}

public sealed class GetRegistrationFileTestsOnSqlite(SqliteServerFixture server)
    : GetRegistrationFileTests(server), IClassFixture<SqliteServerFixture>;

public sealed class GetRegistrationFileTestsOnPostgres(PostgresServerFixture server)
    : GetRegistrationFileTests(server), IClassFixture<PostgresServerFixture>;
