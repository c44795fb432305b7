using System.Net;
using System.Text.RegularExpressions;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;
using Guichet.Domain.Staff;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// "Accès partenaires" over HTTP on both providers, the real forms submitted by staff signed in through the real sign-in:
/// the search and the queue, a person's page, granting (with the establishments to create asked on the way) and removing
/// (confirmed first), the person's emails through a real SMTP server; and who may not.
/// </summary>
public abstract partial class PartnerAccessPagesTests(PartnerServer server)
{
    private const string List = "/back-office/partenaires";

    [Fact]
    public async Task Agent_SeesTheQueue_FindsPeopleByEmailAndName_AndAPersonWithAccessLeavesTheQueue()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var tag = Guid.NewGuid().ToString("N")[..10];
        var waiting = await server.PersonAsync($"attente.{tag}@exemple.fr", "Élodie", "Bérenger " + tag,
            createdAt: new DateTimeOffset(2002, 5, 6, 8, 30, 0, TimeSpan.Zero));
        var entreprise = await server.PersonAsync($"entreprise.{tag}@exemple.fr", space: PortalSpace.Entreprise);

        var (_, queue) = await staff.GetAsync(List);
        var (_, byEmail) = await staff.GetAsync($"{List}?recherche=ENTREPRISE.{tag}");
        var (_, byName) = await staff.GetAsync($"{List}?recherche=berenger+{tag}+elodie");

        Assert.Contains("<h1>Accès partenaires</h1>", queue, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"resultats-titre\">En attente d'ouverture d'accès</h2>", queue, StringComparison.Ordinal);
        Assert.Contains(waiting.Id, Rows(queue));
        Assert.DoesNotContain(entreprise.Id, Rows(queue));
        Assert.Contains("<td>06/05/2002 10:30</td>", queue, StringComparison.Ordinal);
        Assert.Contains("<label for=\"recherche\">Adresse électronique ou nom</label>", queue, StringComparison.Ordinal);
        Assert.Equal([entreprise.Id], Rows(byEmail));
        Assert.Contains("<td>Entreprise</td>", byEmail, StringComparison.Ordinal);
        Assert.Equal([waiting.Id], Rows(byName));
        Assert.Contains($"href=\"/back-office/partenaires/{waiting.Id}\">{waiting.Email}</a>", byName, StringComparison.Ordinal);

        await GrantAsync(staff, waiting.Id, (await server.NewEstablishmentAsync()).Siret);
        var (_, after) = await staff.GetAsync(List);
        Assert.DoesNotContain(waiting.Id, Rows(after));
    }

    [Fact]
    public async Task Agent_GrantsTwoEstablishments_TheUnknownOnesDetailsAreAskedFor_ThenBothAreGrantedInOneGo_AndThePersonIsEmailed()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var person = await server.PersonAsync(firstName: "Inès", lastName: "Moreau");
        var known = await server.NewEstablishmentAsync("Institut Connu");
        var unknown = Sirets.Unique();
        var path = $"{List}/{person.Id}";
        var (_, shown) = await staff.GetAsync(path);
        Assert.Contains("<h1>Inès Moreau</h1>", shown, StringComparison.Ordinal);
        Assert.Contains("<label for=\"sirets\">SIRET des établissements (un par ligne)</label>", shown, StringComparison.Ordinal);
        Assert.Contains("Aucun établissement : cette personne n'a pas encore accès", shown, StringComparison.Ordinal);

        using var asked = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Ouvrir", ("sirets", $"{known.Siret}\r\n{unknown}\r\n"));
        var askedPage = await WebVisitor.TextOfAsync(asked);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<h3>Établissements à créer</h3>", askedPage, StringComparison.Ordinal);
        Assert.Contains($"<fieldset class=\"nouvel-etablissement\" data-siret=\"{unknown}\">", askedPage, StringComparison.Ordinal);
        Assert.Contains($"<legend>Établissement {unknown}</legend>", askedPage, StringComparison.Ordinal);
        Assert.Contains("<label for=\"nouveau-0-Name\">Nom (obligatoire)</label>", askedPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-siret=\"{known.Siret}\"", askedPage, StringComparison.Ordinal);
        Assert.Contains($"{known.Siret}\r\n{unknown}", askedPage, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));

        // The name left out: asked again, the SIRET list kept.
        using var noName = await staff.Visitor.SubmitFromAsync(askedPage, path + "?handler=Ouvrir",
            ("sirets", $"{known.Siret}\n{unknown}"), ("NewEstablishments[0].Siret", unknown), ("NewEstablishments[0].Name", " "));
        var noNamePage = await WebVisitor.TextOfAsync(noName);
        Assert.Contains("<span id=\"nouveau-0-Name-erreur\" class=\"erreur\">Le nom de l'établissement est obligatoire.</span>", noNamePage,
            StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == unknown)));

        using var granted = await staff.Visitor.SubmitFromAsync(noNamePage, path + "?handler=Ouvrir", ("sirets", $"{known.Siret}\n{unknown}"),
            ("NewEstablishments[0].Siret", unknown), ("NewEstablishments[0].Name", "Centre Nouveau"),
            ("NewEstablishments[0].Address", "5 quai des Chartrons"), ("NewEstablishments[0].PostalCode", "33000"),
            ("NewEstablishments[0].City", "Bordeaux"));
        Assert.Equal(path, WebVisitor.RedirectPath(granted));
        var (_, after) = await staff.GetAsync(path);

        Assert.Contains($"Accès ouvert pour Inès Moreau : Institut Connu ({known.Siret}), Centre Nouveau ({unknown}).", after,
            StringComparison.Ordinal);
        Assert.Contains($"Établissement(s) créé(s) : {unknown}.", after, StringComparison.Ordinal);
        Assert.Contains($"Le courriel d'ouverture d'accès partira vers {person.Email} dans quelques instants.", after, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"etablissements-titre\">Établissements (2)</h2>", after, StringComparison.Ordinal);
        Assert.Contains($"<td>{unknown}</td>\n                            <td>Centre Nouveau</td>\n"
            + "                            <td>5 quai des Chartrons</td>\n                            <td>33000</td>\n"
            + "                            <td>Bordeaux</td>", after, StringComparison.Ordinal);
        Assert.Contains($"<td>{staff.AuditName["staff:".Length..]}</td>", after, StringComparison.Ordinal);
        var audit = await server.InDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Subject == person.Email || e.Subject == unknown).ToListAsync());
        Assert.Equal(3, audit.Count);
        Assert.All(audit, e => Assert.Equal((staff.AuditName, "127.0.0.1"), (e.Actor, e.RemoteAddress)));
        Assert.Contains(audit, e => e.Event == AuditEvents.EstablishmentCreated && e.Subject == unknown);

        var mail = Assert.Single(await server.WaitForMailAsync(person.Email, "Ouverture de votre accès au Web Services Partenaire"));
        Assert.Contains($"- SIRET {unknown} : Centre Nouveau, 5 quai des Chartrons, 33000 Bordeaux", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"- SIRET {known.Siret} : Institut Connu", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(new Uri(server.BaseAddress, "partenaire/connexion").ToString(), PortalServer.LinkIn(mail, "/partenaire/connexion"));

        var (_, journal) = await staff.GetAsync($"/back-office/journal?sujet={Uri.EscapeDataString(person.Email)}");
        Assert.Contains("Accès partenaire ouvert à un établissement", journal, StringComparison.Ordinal);
        Assert.Contains($"/back-office/journal?sujet={Uri.EscapeDataString(person.Email)}", after.Replace("&amp;", "&", StringComparison.Ordinal),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WrongSiretsAndOneAlreadyGranted_EachIsListedUnderTheField_AndNothingIsWritten()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var person = await server.PersonAsync();
        var (granted, other) = (await server.NewEstablishmentAsync(), await server.NewEstablishmentAsync());
        await GrantAsync(staff, person.Id, granted.Siret);
        var path = $"{List}/{person.Id}";
        var (_, shown) = await staff.GetAsync(path);

        using var response = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Ouvrir",
            ("sirets", $"{other.Siret}\n123 456\n{granted.Siret}"));
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<li>« 123 456 » : Le SIRET doit comporter 14 chiffres et une clé valide.</li>", page, StringComparison.Ordinal);
        Assert.Contains($"<li>Cette personne a déjà accès à l'établissement {granted.Siret}.</li>", page, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"sirets-aide sirets-erreur\"", page, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id && a.EstablishmentId == other.Id)));

        using var empty = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Ouvrir", ("sirets", "\n  \n"));
        Assert.Contains("<li>Indiquez au moins un SIRET, un par ligne.</li>", await WebVisitor.TextOfAsync(empty), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_AsksForConfirmation_ThenRemoves_TellsThePerson_AndASecondClickIsToldItIsGone()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var person = await server.PersonAsync(firstName: "Jules", lastName: "Petit");
        var establishment = await server.NewEstablishmentAsync("Atelier Sud");
        await GrantAsync(staff, person.Id, establishment.Siret);
        var path = $"{List}/{person.Id}";
        var (_, shown) = await staff.GetAsync(path);
        Assert.Contains("Retirer<span class=\"sr-only\"> l'accès à Atelier Sud", shown, StringComparison.Ordinal);

        using var asked = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Retirer", ("siret", establishment.Siret));
        var askedPage = await WebVisitor.TextOfAsync(asked);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("<h2 id=\"retrait-titre\">Retirer l'accès à Atelier Sud ?</h2>", askedPage, StringComparison.Ordinal);
        Assert.Contains("Confirmer le retrait", askedPage, StringComparison.Ordinal);
        Assert.True(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));

        using var removed = await staff.Visitor.SubmitFromAsync(askedPage, path + "?handler=Retirer",
            ("siret", establishment.Siret), ("confirmation", "true"));
        Assert.Equal(path, WebVisitor.RedirectPath(removed));
        var (_, after) = await staff.GetAsync(path);

        Assert.Contains($"Accès de Jules Petit à l'établissement Atelier Sud ({establishment.Siret}) retiré. "
            + "Un courriel l'en informera dans quelques instants", after,
            StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"etablissements-titre\">Établissements (0)</h2>", after, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));
        var entry = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == person.Email
            && e.Event == AuditEvents.EstablishmentAccessRemoved));
        Assert.Equal((staff.AuditName, "127.0.0.1", establishment.Siret), (entry.Actor, entry.RemoteAddress, entry.Detail));
        Assert.Contains("Vous n'avez plus accès", (await server.WaitForMailAsync(person.Email, "Retrait de votre accès")).Single().TextBody,
            StringComparison.Ordinal);

        using var again = await staff.Visitor.SubmitFromAsync(askedPage, path + "?handler=Retirer",
            ("siret", establishment.Siret), ("confirmation", "true"));
        Assert.Contains($"Cette personne n'a pas (ou plus) accès à l'établissement {establishment.Siret} : rien n'a été modifié.",
            await WebVisitor.TextOfAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Administrator_SearchesAndGrants_Too()
    {
        using var administrator = await FilesStaff.SignInAsync(server, StaffRole.Administrator);
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();

        var (list, _) = await administrator.GetAsync($"{List}?recherche={Uri.EscapeDataString(person.Email)}");
        await GrantAsync(administrator, person.Id, establishment.Siret);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.True(await server.InDbAsync(db =>
            db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id && a.GrantedBy == administrator.AuditName)));
    }

    [Fact]
    public async Task UnknownPerson_IsTheNotFoundPage()
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (response, _) = await staff.GetAsync($"{List}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousOrPortalPerson_IsSentToTheStaffSignIn_AndCannotGrant()
    {
        var person = await server.PersonAsync();
        var establishment = await server.NewEstablishmentAsync();
        var portalPerson = await WebVisitor.CreatePersonAsync(server);
        using var anonymous = new WebVisitor(server);
        using var portal = new WebVisitor(server);
        await portal.SignInToPortalAsync(portalPerson.Email);

        foreach (var visitor in new[] { anonymous, portal })
        {
            using var list = await visitor.GetAsync(List);
            using var page = await visitor.GetAsync($"{List}/{person.Id}");
            // A token of a page they may open (the portal's sign-in): the refusal must come from the policy.
            using var post = await visitor.SubmitAsync("/connexion", $"{List}/{person.Id}?handler=Ouvrir", ("sirets", establishment.Siret));

            Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(list));
            Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(page));
            Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(post));
        }

        Assert.False(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.PersonId == person.Id)));
    }

    /// <summary>Grants through the person's page as staff do, and checks it went through.</summary>
    private static async Task GrantAsync(FilesStaff staff, Guid personId, string siret)
    {
        var path = $"{List}/{personId}";
        var (_, shown) = await staff.GetAsync(path);
        using var response = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Ouvrir", ("sirets", siret));
        Assert.Equal(path, WebVisitor.RedirectPath(response));
    }

    private static List<Guid> Rows(string page) => [.. PersonRow().Matches(page).Select(m => Guid.Parse(m.Groups[1].Value))];

    [GeneratedRegex("<tr data-personne=\"([0-9a-f-]{36})\">")]
    private static partial Regex PersonRow();
}

public sealed class PartnerAccessPagesTestsOnSqlite(SqlitePartnerServer server)
    : PartnerAccessPagesTests(server), IClassFixture<SqlitePartnerServer>;

public sealed class PartnerAccessPagesTestsOnPostgres(PostgresPartnerServer server)
    : PartnerAccessPagesTests(server), IClassFixture<PostgresPartnerServer>;
