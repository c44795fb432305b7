using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Guichet.Application.Imports;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Partners;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The establishments' pages over HTTP, their real forms submitted by a staff member signed in through the real
/// sign-in: the upload, its preview and apply, the search, an establishment's page with who holds access to it.
/// </summary>
public abstract partial class EstablishmentPagesTests(GuichetServer server)
{
    private const string Import = "/back-office/etablissements/import";
    private const string Header = "siret;nom;adresse;code_postal;ville\n";

    [Fact]
    public async Task Upload_ShowsThePreview_ThenAppliesIt_AndTheSearchFindsTheEstablishments()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var existing = await server.NewEstablishmentAsync("Ancien nom", address: "1 rue A", postalCode: "69001", city: "Lyon");
        var added = Sirets.Unique();
        var csv = Header + $"{existing.Siret};Nouveau nom;1 rue A;69001;Lyon\n{added};Institut Éveil Numérique;2 avenue B;33000;Bordeaux\n";

        using var upload = await staff.Visitor.UploadAsync(Import, Import, "fichier", "etablissements.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var previewPath = WebVisitor.RedirectPath(upload)!;
        Assert.Matches("^/back-office/etablissements/apercu/[0-9a-f-]{36}$", previewPath);
        var (_, preview) = await staff.GetAsync(previewPath);
        preview = WebUtility.HtmlDecode(preview);

        Assert.Contains("<dd id=\"ajoutes\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"modifies\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains($"<td>{Sirets.Spaced(added)}</td><td>Institut Éveil Numérique</td><td>2 avenue B</td><td>33000</td>", preview,
            StringComparison.Ordinal);
        Assert.Contains("<td>Ancien nom → Nouveau nom</td>", preview, StringComparison.Ordinal);
        Assert.Contains("<td>1 rue A</td>", preview, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == added)));

        using var applied = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        Assert.Equal("/back-office/etablissements", WebVisitor.RedirectPath(applied));
        var (_, list) = await staff.GetAsync("/back-office/etablissements");
        Assert.Contains("Import appliqué : 1 établissement(s) ajouté(s), 1 modifié(s), 0 inchangé(s).", WebUtility.HtmlDecode(list),
            StringComparison.Ordinal);
        Assert.Equal(staff.AuditName, await server.InDbAsync(db => db.AuditEntries.Where(e => e.Event == AuditEvents.EstablishmentChanged
            && e.Subject == existing.Siret).Select(e => e.Actor).SingleAsync()));

        var (_, byName) = await staff.GetAsync("/back-office/etablissements?recherche=institut+eveil+num");
        var (_, bySiret) = await staff.GetAsync($"/back-office/etablissements?recherche={Uri.EscapeDataString(Sirets.Spaced(existing.Siret))}");
        Assert.Contains(added, Rows(byName));
        Assert.Contains("<td>33000 Bordeaux</td>", byName, StringComparison.Ordinal);
        Assert.Equal([existing.Siret], Rows(bySiret));
        Assert.Contains($">{Sirets.Spaced(existing.Siret)}</a>", bySiret, StringComparison.Ordinal);
        // Applied once: a second click is told so.
        using var again = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        Assert.Contains("Cet aperçu n'existe pas ou a déjà été appliqué", await WebVisitor.TextOfAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_AfterTheEstablishmentsChanged_AppliesNothing_AndShowsTheNewPreview()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var existing = await server.NewEstablishmentAsync("Avant");
        using var upload = await staff.Visitor.UploadAsync(Import, Import, "fichier", "e.csv",
            Encoding.UTF8.GetBytes(Header + $"{existing.Siret};Après;;;\n"));
        var previewPath = WebVisitor.RedirectPath(upload)!;
        var (_, preview) = await staff.GetAsync(previewPath);
        await server.InDbAsync(db => db.Establishments.Where(e => e.Id == existing.Id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Name, "Après").SetProperty(e => e.Address, "").SetProperty(e => e.PostalCode, "").SetProperty(e => e.City, "")));

        using var stale = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        var page = await WebVisitor.TextOfAsync(stale);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Les établissements ont changé depuis l'aperçu : rien n'a été appliqué.", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"modifies\">0</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"inchanges\">1</dd>", page, StringComparison.Ordinal);
        Assert.NotEqual(Fingerprint(preview), Fingerprint(page));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.EstablishmentChanged
            && e.Subject == existing.Siret)));
    }

    [Fact]
    public async Task Preview_OfAnotherStaffMember_ShowsNothingOfIt()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        using var other = await FilesStaff.SignInAsync(server);
        var added = Sirets.Unique();
        using var upload = await staff.Visitor.UploadAsync(Import, Import, "fichier", "e.csv",
            Encoding.UTF8.GetBytes(Header + $"{added};Secret;;;\n"));

        var (response, page) = await other.GetAsync(WebVisitor.RedirectPath(upload)!);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cet aperçu n'existe pas ou a déjà été appliqué", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.DoesNotContain(added, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("etablissements.pdf", "ok", "Le fichier doit être un fichier CSV (extension .csv ou .txt).")]
    [InlineData("etablissements.csv", "latin1", "Le fichier n'est pas un texte en UTF-8")]
    [InlineData("etablissements.csv", "empty", "Le fichier est vide.")]
    [InlineData("etablissements.csv", "large", "Le fichier dépasse 5 Mo")]
    [InlineData("etablissements.csv", "commas", "Les colonnes doivent être séparées par des points-virgules")]
    [InlineData("etablissements.csv", "no header", "La première ligne doit être l'en-tête « siret;nom;adresse;code_postal;ville ».")]
    public async Task Upload_WrongFile_SaysWhyUnderTheField_NothingStaged(string name, string content, string message)
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var siret = Sirets.Unique();
        var bytes = content switch
        {
            "latin1" => Encoding.Latin1.GetBytes(Header + $"{siret};Société;;;\n"),
            "empty" => [],
            "large" => Encoding.UTF8.GetBytes(new string('a', CsvUpload.MaxBytes + 10)),
            "commas" => Encoding.UTF8.GetBytes($"siret,nom,adresse,code_postal,ville\n{siret},Bon,,,\n"),
            "no header" => Encoding.UTF8.GetBytes($"{siret};Bon;;;\n"),
            _ => Encoding.UTF8.GetBytes(Header + $"{siret};Bon;;;\n"),
        };

        using var response = await staff.Visitor.UploadAsync(Import, Import, "fichier", name, bytes);
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches($"<span id=\"fichier-erreur\" class=\"erreur\">{Regex.Escape(message)}", page);
        Assert.False(await server.InDbAsync(db => db.StagedImports.AnyAsync(s => s.StagedBy == staff.AuditName)));
    }

    [Fact]
    public async Task Upload_BadLines_AreListedWithTheirNumbers()
    {
        using var staff = await FilesStaff.SignInAsync(server);

        using var response = await staff.Visitor.UploadAsync(Import, Import, "fichier", "e.csv",
            Encoding.UTF8.GetBytes(Header + $"{Sirets.Unique()};Bon;;;\n12345678901234;;;;\n{Sirets.Unique()};Bon;;7500;\n"));
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Contains("Fichier refusé : 2 ligne(s) à corriger, rien n'a été importé", page, StringComparison.Ordinal);
        Assert.Contains("<li><strong>ligne 3</strong> : Le SIRET doit comporter 14 chiffres et une clé valide.</li>", page,
            StringComparison.Ordinal);
        Assert.Contains("<li><strong>ligne 3</strong> : Le nom de l'établissement est obligatoire.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li><strong>ligne 4</strong> : Le code postal doit comporter 5 chiffres.</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_BySiren_PagesByCursor_AndAWrongSearchSaysWhy()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var siren = Sirens.Unique();
        var sirets = new List<string>();
        for (var i = 0; i < 52; i++)
        {
            sirets.Add((await server.NewEstablishmentAsync($"Organisme {i:00}", siren)).Siret);
        }

        var (_, page1) = await staff.GetAsync($"/back-office/etablissements?recherche={siren}");
        var next = NextLink().Match(page1).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var (_, page2) = await staff.GetAsync(next);
        var (_, wrong) = await staff.GetAsync("/back-office/etablissements?recherche=%3F%3F");

        Assert.Equal(sirets[..50], Rows(page1));
        Assert.Equal(sirets[50..], Rows(page2));
        Assert.DoesNotContain("Page suivante", page2, StringComparison.Ordinal);
        Assert.Contains("<span id=\"recherche-erreur\" class=\"erreur\">Saisissez un SIRET, un SIREN", WebUtility.HtmlDecode(wrong),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstablishmentPage_ShowsItsAddress_ItsBody_AndWhoHoldsAccess_InParisTime()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var siren = Sirens.Unique();
        var establishment = await server.NewEstablishmentAsync("Centre Lumière", siren, "3 place Bellecour", "69002", "Lyon");
        await server.NewEstablishmentAsync("Centre Lumière Annexe", siren);
        var email = PortalSteps.UniqueEmail();
        await server.HolderAsync(establishment, email, "Zoé", "Abel", new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero),
            "staff:agent@guichet.test");

        var (response, page) = await staff.GetAsync($"/back-office/etablissements/{establishment.Siret}");
        page = WebUtility.HtmlDecode(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Centre Lumière</h1>", page, StringComparison.Ordinal);
        Assert.Contains($"<dd id=\"siret\">{Sirets.Spaced(establishment.Siret)}</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ligne\">3 place Bellecour</span>", page, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ligne\">69002 Lyon</span>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/back-office/etablissements?recherche={siren}\"", page, StringComparison.Ordinal);
        Assert.Contains("(2 établissement(s))", page, StringComparison.Ordinal);
        Assert.Matches($"<tr data-email=\"{Regex.Escape(email)}\">\\s*<td>Zoé Abel</td>\\s*<td>{Regex.Escape(email)}</td>\\s*"
            + "<td>14/07/2025 12:00</td>\\s*<td>staff:agent@guichet.test</td>", page);
        // Read-only: the header's "Se déconnecter" is the page's only form.
        Assert.Single(Regex.Matches(page, "<form method=\"post\""));
    }

    [Fact]
    public async Task EstablishmentPage_NobodyHoldsAccess_SaysSo()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var establishment = await server.NewEstablishmentAsync("Sans Personne", address: "", postalCode: "", city: "");

        var (_, page) = await staff.GetAsync($"/back-office/etablissements/{establishment.Siret}");

        Assert.Contains("Personne n'a accès à cet établissement.", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("Non renseignée", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("apercu")]
    [InlineData("123")]
    public async Task EstablishmentPage_UnknownSiret_IsTheNotFoundPage(string siret)
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (response, _) = await staff.GetAsync($"/back-office/etablissements/{(siret == "unknown" ? Sirets.Unique() : siret)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Fingerprint(string page) => FingerprintField().Match(page).Groups[1].Value;

    private static List<string> Rows(string page) => [.. RowSiret().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"apercu\" value=\"([0-9a-f]{64})\"")]
    private static partial Regex FingerprintField();

    [GeneratedRegex("<tr data-siret=\"(\\d{14})\">\\s*<td><a")]
    private static partial Regex RowSiret();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Page suivante</a>")]
    private static partial Regex NextLink();
}

public sealed class EstablishmentPagesTestsOnSqlite(SqliteServerFixture server) : EstablishmentPagesTests(server),
    IClassFixture<SqliteServerFixture>;

public sealed class EstablishmentPagesTestsOnPostgres(PostgresServerFixture server) : EstablishmentPagesTests(server),
    IClassFixture<PostgresServerFixture>;
