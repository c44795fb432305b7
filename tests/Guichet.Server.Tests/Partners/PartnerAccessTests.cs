using Guichet.Application.Accounts;
using Guichet.Application.Partners;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Mail;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// The accesses staff open and remove (seed 003, "L'Opcommerce vous ouvre l'accès… par association de votre compte
/// personnel avec le/les établissements souhaités"), on both providers, the emails read back from a real SMTP server.
/// </summary>
public abstract class PartnerAccessTests(PartnerServer server)
{
    private readonly StaffCaller _staff = StaffCaller.For($"s-{Guid.NewGuid():N}@guichet.test", "192.0.2.7");

    [Fact]
    public async Task Grant_TwoKnownEstablishments_OpensBoth_AuditsEach_AndEmailsThemWithTheSignInLink()
    {
        var person = await server.PersonAsync(firstName: "Hélène");
        var (first, second) = (await server.NewEstablishmentAsync("Formations Nord"), await server.NewEstablishmentAsync("Formations Sud"));
        await server.InDbAsync(db => db.Establishments.Where(e => e.Id == second.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Address, "")));

        var before = server.Clock.GetUtcNow().AddMilliseconds(-1);

        var result = await server.GrantAsync(_staff, person.Id, [first.Siret, $" {second.Siret[..9]} {second.Siret[9..]} "]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal([first.Siret, second.Siret], result.Value.Establishments.Select(e => e.Siret));
        Assert.Empty(result.Value.Created);
        var accesses = await server.InDbAsync(db => db.EstablishmentAccesses.AsNoTracking().Where(a => a.PersonId == person.Id)
            .Select(a => new { a.Establishment!.Siret, a.GrantedBy, a.GrantedAt }).OrderBy(a => a.Siret).ToListAsync());
        Assert.Equal(new[] { first.Siret, second.Siret }.Order(StringComparer.Ordinal), accesses.Select(a => a.Siret));
        Assert.All(accesses, a => Assert.Equal(_staff.AuditName, a.GrantedBy));
        Assert.Single(accesses.Select(a => a.GrantedAt).Distinct());
        Assert.InRange(accesses[0].GrantedAt, before, server.Clock.GetUtcNow());
        var audit = await AuditOfAsync(person.Email);
        Assert.Equal(new[] { first.Siret, second.Siret }.Order(StringComparer.Ordinal)
                .Select(siret => (_staff.AuditName, AuditEvents.EstablishmentAccessGranted, (string?)"192.0.2.7", (string?)siret)),
            audit.Select(e => (e.Actor, e.Event, e.RemoteAddress, e.Detail)).OrderBy(e => e.Detail, StringComparer.Ordinal));

        var mail = Assert.Single(await server.WaitForMailAsync(person.Email, "Ouverture de votre accès au Web Services Partenaire"));
        var text = mail.TextBody;
        Assert.Contains("Bonjour Hélène,", text, StringComparison.Ordinal);
        Assert.Contains("L'Opcommerce vous ouvre l'accès au Web Services Partenaire pour les établissements suivants :", text,
            StringComparison.Ordinal);
        Assert.Contains($"- SIRET {first.Siret} : Formations Nord, 1 rue de la Paix, 75002 Paris", text, StringComparison.Ordinal);
        Assert.Contains($"- SIRET {second.Siret} : Formations Sud, 75002 Paris", text, StringComparison.Ordinal);
        Assert.Equal(PartnerAccessSteps.SignInLink, PortalServer.LinkIn(mail, "/partenaire/connexion"));
    }

    [Fact]
    public async Task Grant_UnknownSiretWithoutDetails_IsRefusedNamingIt_AndNothingIsWritten()
    {
        var person = await server.PersonAsync();
        var known = await server.NewEstablishmentAsync();
        var unknown = Sirets.Unique();

        var result = await server.GrantAsync(_staff, person.Id, [known.Siret, unknown]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.UnknownEstablishment, unknown), (error.Code, error.Field));
        Assert.Contains(unknown, error.Message, StringComparison.Ordinal);
        await NothingWrittenForAsync(person, unknown);
    }

    [Fact]
    public async Task Grant_UnknownSiretWithDetails_CreatesTheEstablishment_AndGrantsEverythingInOneGo()
    {
        var person = await server.PersonAsync();
        var known = await server.NewEstablishmentAsync();
        var unknown = Sirets.Unique();
        var spaced = $"{unknown[..3]} {unknown[3..6]} {unknown[6..9]} {unknown[9..]}";

        var result = await server.GrantAsync(_staff, person.Id, [known.Siret, unknown],
            new EstablishmentDetails(Sirets.Unique(), "Ignoré : pas dans la liste", null, null, null),
            new EstablishmentDetails(spaced, "  Académie Œnologie  ", " 3 place Bellecour ", "69002", " Lyon "));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal([unknown], result.Value.Created);
        var created = await server.InDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Siret == unknown));
        Assert.Equal(("Académie Œnologie", "academie oenologie", "3 place Bellecour", "69002", "Lyon", unknown[..9]),
            (created.Name, created.NameKey, created.Address, created.PostalCode, created.City, created.Siren));
        Assert.Equal(2, await server.InDbAsync(db => db.EstablishmentAccesses.CountAsync(a => a.PersonId == person.Id)));
        var creation = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.EstablishmentCreated
            && e.Subject == unknown));
        Assert.Equal((_staff.AuditName, "192.0.2.7", "Académie Œnologie — 3 place Bellecour, 69002 Lyon"),
            (creation.Actor, creation.RemoteAddress, creation.Detail));
        Assert.Equal(2, (await AuditOfAsync(person.Email)).Count(e => e.Event == AuditEvents.EstablishmentAccessGranted));
        var text = (await server.WaitForMailAsync(person.Email, "Ouverture de votre accès")).Single().TextBody;
        Assert.Contains($"- SIRET {unknown} : Académie Œnologie, 3 place Bellecour, 69002 Lyon", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WrongSiretsOrDetails_EachErrorSaysWhich_NothingIsWritten_AndLaPostesRuleIsAccepted()
    {
        var person = await server.PersonAsync();
        var (unknown, laPoste) = (Sirets.Unique(), Sirets.LaPoste());
        var badKey = unknown[..13] + (char)('0' + ((unknown[13] - '0' + 1) % 10));

        var result = await server.GrantAsync(_staff, person.Id, [laPoste, badKey, "1234", "", "   ", unknown],
            new EstablishmentDetails(laPoste, "Bureau de poste", null, null, null),
            new EstablishmentDetails(unknown, " ", "rue", "ABCDE", null));

        // Every error at once: the wrong lines, and the details of the right ones.
        Assert.Equal(ErrorCodes.ValidationFailed, result.FailureCode);
        Assert.Equal(
            [
                (AccessGrant.SiretsField, ErrorCodes.InvalidSiret, $"« {badKey} » : Le SIRET doit comporter 14 chiffres et une clé valide."),
                (AccessGrant.SiretsField, ErrorCodes.InvalidSiret, "« 1234 » : Le SIRET doit comporter 14 chiffres et une clé valide."),
                ("NewEstablishments[1].Name", ErrorCodes.Required, "Le nom de l'établissement est obligatoire."),
                ("NewEstablishments[1].PostalCode", ErrorCodes.InvalidPostalCode, "Le code postal doit comporter 5 chiffres."),
            ],
            result.Errors.Select(e => (e.Field, e.Code, e.Message)));
        await NothingWrittenForAsync(person, laPoste, unknown);

        var nothing = await server.GrantAsync(_staff, person.Id, ["", " "]);
        Assert.Equal((AccessGrant.SiretsField, ErrorCodes.Required), (nothing.Errors.Single().Field, nothing.Errors.Single().Code));

        var laPosteOnly = await server.GrantAsync(_staff, person.Id, [laPoste],
            new EstablishmentDetails(laPoste, "Bureau de poste", null, null, null));
        Assert.True(laPosteOnly.Succeeded, string.Join("; ", laPosteOnly.Errors));
        Assert.Equal([laPoste], laPosteOnly.Value.Created);
    }

    [Fact]
    public async Task Grant_AnEstablishmentAlreadyGranted_IsRefused_AndTheOthersAreNotGrantedEither()
    {
        var person = await server.PersonAsync();
        var (granted, other) = (await server.NewEstablishmentAsync(), await server.NewEstablishmentAsync());
        Assert.True((await server.GrantAsync(_staff, person.Id, [granted.Siret])).Succeeded);

        var again = await server.GrantAsync(_staff, person.Id, [other.Siret, granted.Siret]);

        var error = Assert.Single(again.Errors);
        Assert.Equal((ErrorCodes.AlreadyGranted, AccessGrant.SiretsField), (error.Code, error.Field));
        Assert.Contains(granted.Siret, error.Message, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id && a.EstablishmentId == other.Id)));
        Assert.Single(await AuditOfAsync(person.Email));
    }

    [Fact]
    public async Task Grant_RepeatedSiret_CountsOnce()
    {
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();

        var result = await server.GrantAsync(_staff, person.Id, [establishment.Siret, $"{establishment.Siret[..9]} {establishment.Siret[9..]}"]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Single(result.Value.Establishments);
        Assert.Equal(1, await server.InDbAsync(db => db.EstablishmentAccesses.CountAsync(a => a.PersonId == person.Id)));
    }

    [Fact]
    public async Task Grant_TheSameSiretTwiceAtOnce_GivesOneAccess_AndOneSuccess()
    {
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();

        var results = await Task.WhenAll(
            server.GrantAsync(_staff, person.Id, [establishment.Siret]), server.GrantAsync(_staff, person.Id, [establishment.Siret]));

        Assert.Single(results, r => r.Succeeded);
        var refusal = Assert.Single(results, r => !r.Succeeded);
        Assert.Contains(refusal.FailureCode, new[] { ErrorCodes.ConcurrentModification, ErrorCodes.ValidationFailed });
        Assert.Contains(refusal.Errors.Single().Code, new[] { ErrorCodes.ConcurrentModification, ErrorCodes.AlreadyGranted });
        Assert.Equal(1, await server.InDbAsync(db => db.EstablishmentAccesses.CountAsync(a => a.PersonId == person.Id)));
        Assert.Single(await AuditOfAsync(person.Email));
    }

    [Fact]
    public async Task Grant_WhenAnotherStaffMemberCreatesTheEstablishmentMeanwhile_WritesNothing_AndSaysSo()
    {
        var person = await server.PersonAsync();
        var known = await server.NewEstablishmentAsync();
        var unknown = Sirets.Unique();
        server.BeforeNextAccessSave(() => server.NewEstablishmentAsync("Créé par un collègue", siret: unknown));

        var result = await server.GrantAsync(_staff, person.Id, [known.Siret, unknown],
            new EstablishmentDetails(unknown, "Le mien", null, null, null));

        Assert.Equal(ErrorCodes.ConcurrentModification, result.FailureCode);
        Assert.Contains("rien n'a été enregistré", result.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal("Créé par un collègue",
            await server.InDbAsync(db => db.Establishments.Where(e => e.Siret == unknown).Select(e => e.Name).SingleAsync()));
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Subject == unknown || e.Subject == person.Email)));

        // Asked again, the establishment is known: staff's details are ignored, the existing one is granted.
        var retried = await server.GrantAsync(_staff, person.Id, [known.Siret, unknown],
            new EstablishmentDetails(unknown, "Le mien", null, null, null));
        Assert.True(retried.Succeeded, string.Join("; ", retried.Errors));
        Assert.Empty(retried.Value.Created);
        Assert.Contains(retried.Value.Establishments, e => e.Name == "Créé par un collègue");
    }

    [Fact]
    public async Task Grant_ToAnUnknownPersonOrAnUnvalidatedAddress_IsRefused()
    {
        var unvalidated = await server.PersonAsync(confirmed: false);
        var establishment = await server.NewEstablishmentAsync();

        var unknown = await server.GrantAsync(_staff, Guid.NewGuid(), [establishment.Siret]);
        var notConfirmed = await server.GrantAsync(_staff, unvalidated.Id, [establishment.Siret]);

        Assert.Equal(ErrorCodes.PersonNotFound, unknown.FailureCode);
        Assert.Equal(ErrorCodes.EmailNotConfirmed, notConfirmed.FailureCode);
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.EstablishmentId == establishment.Id)));
    }

    [Fact]
    public async Task Grant_WhenTheEmailCannotBeSent_TheAccessStaysOpen_AndTheEmailWaitsInTheOutbox()
    {
        var person = await server.PersonAsync(PartnerServer.UnreachablePrefix + Guid.NewGuid().ToString("N") + "@exemple.fr");
        var establishment = await server.NewEstablishmentAsync();

        var result = await server.GrantAsync(_staff, person.Id, [establishment.Siret]);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.True(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));
        var waiting = await server.WaitForFailedAttemptAsync(person.Email);
        Assert.Equal(OutgoingMailState.Pending, waiting.State);
        Assert.NotNull(waiting.ProtectedBody);
    }

    [Fact]
    public async Task Remove_DeletesTheAccess_KeepsTheEstablishment_AuditsIt_AndTellsThePerson()
    {
        var person = await server.PersonAsync(firstName: "Bruno");
        var (kept, removed) = (await server.NewEstablishmentAsync(), await server.NewEstablishmentAsync("Centre Ouest"));
        Assert.True((await server.GrantAsync(_staff, person.Id, [kept.Siret, removed.Siret])).Succeeded);

        var result = await server.RemoveAsync(_staff, person.Id, removed.Siret);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var left = await server.InDbAsync(db =>
            db.EstablishmentAccesses.Where(a => a.PersonId == person.Id).Select(a => a.EstablishmentId).ToListAsync());
        Assert.Equal([kept.Id], left);
        Assert.True(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Id == removed.Id)));
        var entry = Assert.Single(await AuditOfAsync(person.Email), e => e.Event == AuditEvents.EstablishmentAccessRemoved);
        Assert.Equal((_staff.AuditName, "192.0.2.7", removed.Siret), (entry.Actor, entry.RemoteAddress, entry.Detail));
        var text = (await server.WaitForMailAsync(person.Email, "Retrait de votre accès")).Single().TextBody;
        Assert.Contains("Bonjour Bruno,", text, StringComparison.Ordinal);
        Assert.Contains("Vous n'avez plus accès à l'établissement suivant sur le Web Services Partenaire :", text, StringComparison.Ordinal);
        Assert.Contains($"- SIRET {removed.Siret} : Centre Ouest, 1 rue de la Paix, 75002 Paris", text, StringComparison.Ordinal);
        Assert.DoesNotContain(kept.Siret, text, StringComparison.Ordinal);
        Assert.Contains("rapprochez-vous de votre correspondant de l'Opcommerce", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_AnAccessThatIsNotThere_IsRefused_AndNothingIsWritten()
    {
        var person = await server.PersonAsync();
        var (granted, never) = (await server.NewEstablishmentAsync(), await server.NewEstablishmentAsync());
        Assert.True((await server.GrantAsync(_staff, person.Id, [granted.Siret])).Succeeded);
        Assert.True((await server.RemoveAsync(_staff, person.Id, granted.Siret)).Succeeded);

        var twice = await server.RemoveAsync(_staff, person.Id, granted.Siret);
        var neverGranted = await server.RemoveAsync(_staff, person.Id, never.Siret);
        var invalid = await server.RemoveAsync(_staff, person.Id, "1234");
        var nobody = await server.RemoveAsync(_staff, Guid.NewGuid(), granted.Siret);

        Assert.Equal(ErrorCodes.AccessNotFound, twice.FailureCode);
        Assert.Contains(granted.Siret, twice.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.AccessNotFound, neverGranted.FailureCode);
        Assert.Equal(ErrorCodes.InvalidSiret, invalid.Errors.Single().Code);
        Assert.Equal(ErrorCodes.PersonNotFound, nobody.FailureCode);
        Assert.Single(await AuditOfAsync(person.Email), e => e.Event == AuditEvents.EstablishmentAccessRemoved);
        Assert.Single(await server.WaitForMailAsync(person.Email, "Retrait de votre accès"));
    }

    [Fact]
    public async Task Remove_TwiceAtOnce_RemovesOnce()
    {
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();
        Assert.True((await server.GrantAsync(_staff, person.Id, [establishment.Siret])).Succeeded);

        var results = await Task.WhenAll(
            server.RemoveAsync(_staff, person.Id, establishment.Siret), server.RemoveAsync(_staff, person.Id, establishment.Siret));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(ErrorCodes.AccessNotFound, Assert.Single(results, r => !r.Succeeded).FailureCode);
        Assert.Single(await AuditOfAsync(person.Email), e => e.Event == AuditEvents.EstablishmentAccessRemoved);
    }

    [Fact]
    public async Task Remove_WhenAColleagueRemovedItMeanwhile_IsRefused_AndWritesNothing()
    {
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();
        Assert.True((await server.GrantAsync(_staff, person.Id, [establishment.Siret])).Succeeded);
        var removing = server.Clock.GetUtcNow();
        server.BeforeNextAccessSave(() => server.InDbAsync(db => db.EstablishmentAccesses.Where(a => a.PersonId == person.Id).ExecuteDeleteAsync()));

        var result = await server.RemoveAsync(_staff, person.Id, establishment.Siret);

        Assert.Equal(ErrorCodes.AccessNotFound, result.FailureCode);
        Assert.DoesNotContain(await AuditOfAsync(person.Email), e => e.Event == AuditEvents.EstablishmentAccessRemoved);
        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == person.Email && m.EnqueuedAt > removing)));
    }

    [Fact]
    public async Task Find_ByTheStartOfTheEmail_InAnyCase()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var person = await server.PersonAsync($"marie.{tag}@exemple.fr", space: PortalSpace.Entreprise);
        await server.PersonAsync($"autre.marie.{tag}@exemple.fr");

        var found = await server.FindAsync($"  MARIE.{tag.ToUpperInvariant()} ");

        var row = Assert.Single(found.Rows);
        Assert.False(found.Queue);
        Assert.Equal((person.Id, person.Email, PortalSpace.Entreprise, 0), (row.Id, row.Email, row.SignedUpIn, row.Establishments));
        Assert.Empty((await server.FindAsync($"exemple.fr.{tag}")).Rows);
    }

    [Fact]
    public async Task Find_ByName_CaseAccentsAndWordOrderAside()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var person = await server.PersonAsync(firstName: "Hélène", lastName: $"Lefèvre-Œil {tag}");
        await server.PersonAsync(firstName: "Hélène", lastName: "Lefèvre " + Guid.NewGuid().ToString("N")[..10]);

        var found = await server.FindAsync($"LEFEVRE {tag} hel");
        var byPart = await server.FindAsync($"oeil {tag[2..8]}");

        Assert.Equal([person.Id], found.Rows.Select(r => r.Id));
        Assert.Equal("Hélène Lefèvre-Œil " + tag, found.Rows[0].DisplayName);
        Assert.Equal([person.Id], byPart.Rows.Select(r => r.Id));
        Assert.Empty((await server.FindAsync($"{tag}@")).Rows);
    }

    [Fact]
    public async Task Find_WithoutText_IsTheQueue_OldestFirst_OnlyValidatedPartenaireSignUpsWithoutAccess()
    {
        var old = new DateTimeOffset(2001, 3, 1, 9, 0, 0, TimeSpan.Zero);
        // Emails in the reverse order of the sign-ups: the queue's order is the sign-ups'.
        var tag = Guid.NewGuid().ToString("N");
        var second = await server.PersonAsync($"b-{tag}@exemple.fr", createdAt: old.AddDays(2));
        var first = await server.PersonAsync($"c-{tag}@exemple.fr", createdAt: old.AddDays(1));
        var third = await server.PersonAsync($"a-{tag}@exemple.fr", createdAt: old.AddDays(3));
        var entreprise = await server.PersonAsync(space: PortalSpace.Entreprise, createdAt: old);
        var unvalidated = await server.PersonAsync(confirmed: false, createdAt: old);
        var ids = new[] { first.Id, second.Id, third.Id, entreprise.Id, unvalidated.Id };

        var queue = await server.FindAsync(null);

        Assert.True(queue.Queue);
        Assert.Equal([first.Id, second.Id, third.Id], queue.Rows.Where(r => ids.Contains(r.Id)).Select(r => r.Id));
        Assert.True(queue.Waiting >= 3);

        Assert.True((await server.GrantAsync(_staff, second.Id, [(await server.NewEstablishmentAsync()).Siret])).Succeeded);
        var after = await server.FindAsync("  ");

        Assert.Equal([first.Id, third.Id], after.Rows.Where(r => ids.Contains(r.Id)).Select(r => r.Id));
        Assert.Equal(queue.Waiting - 1, after.Waiting);
        Assert.Equal(1, (await server.FindAsync(second.Email)).Rows.Single().Establishments);
    }

    [Fact]
    public async Task Find_TooLongText_IsRefused()
    {
        var result = await server.UseAsync<FindPartnerPeople, Result<PartnerPeople>>(u =>
            u.HandleAsync(new string('a', FindPartnerPeople.MaxTextLength + 1), "recherche", CancellationToken.None));

        Assert.Equal(("recherche", ErrorCodes.TooLong), (result.Errors.Single().Field, result.Errors.Single().Code));
    }

    [Fact]
    public async Task GetPartnerPerson_ShowsThePersonAndTheirEstablishments_InSiretOrder()
    {
        var person = await server.PersonAsync(firstName: "Chloé", lastName: "Durand");
        var establishments = new[] { await server.NewEstablishmentAsync("B"), await server.NewEstablishmentAsync("A") };
        Assert.True((await server.GrantAsync(_staff, person.Id, [.. establishments.Select(e => e.Siret)])).Succeeded);

        var shown = await server.UseAsync<GetPartnerPerson, PartnerPerson?>(u => u.HandleAsync(person.Id, CancellationToken.None));
        var nobody = await server.UseAsync<GetPartnerPerson, PartnerPerson?>(u => u.HandleAsync(Guid.NewGuid(), CancellationToken.None));

        Assert.NotNull(shown);
        Assert.Null(nobody);
        Assert.Equal((person.Email, "Chloé Durand", PortalSpace.Partenaire), (shown.Email, shown.DisplayName, shown.SignedUpIn));
        // PostgreSQL keeps microseconds.
        Assert.Equal(person.CreatedAt, shown.CreatedAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(person.EmailConfirmedAt!.Value, shown.EmailConfirmedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(establishments.Select(e => e.Siret).Order(StringComparer.Ordinal), shown.Establishments.Select(e => e.Siret));
        Assert.All(shown.Establishments, e => Assert.Equal((_staff.AuditName, "Paris", "75002"), (e.GrantedBy, e.City, e.PostalCode)));
    }

    [Fact]
    public async Task IndexPeople_FillsTheNameKeyOfPeopleWhoSignedUpBeforeIt()
    {
        var person = await server.PersonAsync(firstName: "Zoé", lastName: "Ñandú " + Guid.NewGuid().ToString("N")[..8]);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.NameKey, (string?)null)));

        var indexed = await server.UseAsync<Application.People.IndexPeople, int>(u => u.HandleAsync(CancellationToken.None));

        Assert.True(indexed >= 1);
        Assert.Equal($"zoe nandu {person.LastName[6..]}", await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id)
            .Select(p => p.NameKey).SingleAsync()));
    }

    private Task<List<AuditEntry>> AuditOfAsync(string email) =>
        server.InDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Subject == email).OrderBy(e => e.Id).ToListAsync());

    private async Task NothingWrittenForAsync(Person person, params string[] unknownSirets)
    {
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => unknownSirets.Contains(e.Siret))));
        Assert.Empty(await AuditOfAsync(person.Email));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => unknownSirets.Contains(e.Subject!))));
        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == person.Email)));
    }
}

public sealed class PartnerAccessTestsOnSqlite(SqlitePartnerServer server) : PartnerAccessTests(server), IClassFixture<SqlitePartnerServer>;

public sealed class PartnerAccessTestsOnPostgres(PostgresPartnerServer server) : PartnerAccessTests(server), IClassFixture<PostgresPartnerServer>;
