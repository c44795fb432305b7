using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Guichet.Application.Imports;
using Guichet.Domain.Auditing;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The member directory's pages over HTTP, their real forms submitted by a staff member signed in through the real
/// sign-in: the upload, its preview and apply, the search, a company's page and the staff's actions there.
/// </summary>
public abstract partial class DirectoryPagesTests(GuichetServer server)
{
    private const string Import = "/back-office/annuaire/import";

    [Fact]
    public async Task Upload_ShowsThePreview_ThenAppliesIt_AndTheSearchFindsTheCompanies()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var existing = await server.NewCompanyAsync("Ancien nom");
        var added = Sirens.Unique();
        var csv = $"SIREN;code adhérent;raison sociale\n{existing.Siren};CODE-2;Nouveau nom\n{added};ADH-9;Société Générale Ébène\n";

        using var upload = await staff.Visitor.UploadAsync(Import, Import, "fichier", "annuaire.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var previewPath = WebVisitor.RedirectPath(upload)!;
        Assert.Matches("^/back-office/annuaire/import/[0-9a-f-]{36}$", previewPath);
        var (_, preview) = await staff.GetAsync(previewPath);

        Assert.Contains("<dd id=\"ajoutees\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"modifiees\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains($"<tr data-siren=\"{added}\"><td>{added}</td><td>ADH-9</td><td>Société Générale Ébène</td></tr>", preview,
            StringComparison.Ordinal);
        Assert.Contains($"<td>{existing.MemberCode} → CODE-2</td>", preview, StringComparison.Ordinal);
        Assert.Contains("<td>Ancien nom → Nouveau nom</td>", preview, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.Companies.AnyAsync(c => c.Siren == added)));

        using var applied = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        Assert.Equal("/back-office/annuaire", WebVisitor.RedirectPath(applied));
        var (_, list) = await staff.GetAsync("/back-office/annuaire");
        Assert.Contains("Import appliqué : 1 entreprise(s) ajoutée(s), 1 modifiée(s), 0 inchangée(s).", list, StringComparison.Ordinal);
        Assert.Equal(staff.AuditName, await server.InDbAsync(db => db.AuditEntries.Where(e => e.Event == AuditEvents.DirectoryCompanyChanged
            && e.Subject == existing.Siren).Select(e => e.Actor).SingleAsync()));

        var (_, byName) = await staff.GetAsync("/back-office/annuaire?recherche=societe+generale+eb");
        var (_, bySiren) = await staff.GetAsync($"/back-office/annuaire?recherche={existing.Siren}");
        Assert.Contains($"<tr data-siren=\"{added}\">", byName, StringComparison.Ordinal);
        Assert.Equal([existing.Siren], Rows(bySiren));
        // Applied once: a second click is told so.
        using var again = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        Assert.Contains("Cet aperçu n'existe pas ou a déjà été appliqué", await WebVisitor.TextOfAsync(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_AfterTheDirectoryChanged_AppliesNothing_AndShowsTheNewPreview()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var existing = await server.NewCompanyAsync("Avant");
        using var upload = await staff.Visitor.UploadAsync(Import, Import, "fichier", "a.csv",
            Encoding.UTF8.GetBytes($"{existing.Siren};NOUVEAU;Après\n"));
        var previewPath = WebVisitor.RedirectPath(upload)!;
        var (_, preview) = await staff.GetAsync(previewPath);
        await server.InDbAsync(db => db.Companies.Where(c => c.Id == existing.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.MemberCode, "NOUVEAU").SetProperty(c => c.Name, "Après")));

        using var stale = await staff.Visitor.SubmitFromAsync(preview, previewPath, ("apercu", Fingerprint(preview)));
        var page = await WebVisitor.TextOfAsync(stale);

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("L'annuaire a changé depuis l'aperçu : rien n'a été appliqué.", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"modifiees\">0</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"inchangees\">1</dd>", page, StringComparison.Ordinal);
        Assert.NotEqual(Fingerprint(preview), Fingerprint(page));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.DirectoryCompanyChanged
            && e.Subject == existing.Siren)));
    }

    [Theory]
    [InlineData("annuaire.pdf", "ok", "Le fichier doit être un fichier CSV (extension .csv ou .txt).")]
    [InlineData("annuaire.csv", "latin1", "Le fichier n'est pas un texte en UTF-8")]
    [InlineData("annuaire.csv", "empty", "Le fichier est vide.")]
    [InlineData("annuaire.csv", "large", "Le fichier dépasse 5 Mo")]
    public async Task Upload_WrongFile_SaysWhyUnderTheField_NothingStaged(string name, string content, string message)
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var bytes = content switch
        {
            "latin1" => Encoding.Latin1.GetBytes($"{Sirens.Unique()};ADH;Société\n"),
            "empty" => [],
            "large" => Encoding.UTF8.GetBytes(new string('a', CsvUpload.MaxBytes + 10)),
            _ => Encoding.UTF8.GetBytes($"{Sirens.Unique()};ADH;Bon\n"),
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

        using var response = await staff.Visitor.UploadAsync(Import, Import, "fichier", "a.csv",
            Encoding.UTF8.GetBytes($"{Sirens.Unique()};ADH;Bon\n123456789;ADH;Mauvais\n"));
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Contains("Fichier refusé : 1 ligne(s) à corriger, rien n'a été importé", page, StringComparison.Ordinal);
        Assert.Contains("<li><strong>ligne 2</strong> : SIREN invalide : « 123456789 ».</li>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_PagesByCursor_AndAWrongSearchSaysWhy()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var tag = "Pagé " + Guid.NewGuid().ToString("N")[..8];
        var sirens = new List<string>();
        for (var i = 0; i < 52; i++)
        {
            sirens.Add((await server.NewCompanyAsync($"{tag} {i:00}")).Siren);
        }

        var (_, page1) = await staff.GetAsync($"/back-office/annuaire?recherche={Uri.EscapeDataString(tag)}");
        var next = NextLink().Match(page1).Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var (_, page2) = await staff.GetAsync(next);
        var (_, wrong) = await staff.GetAsync("/back-office/annuaire?recherche=%3F%3F");

        Assert.Equal(sirens[..50], Rows(page1));
        Assert.Equal(sirens[50..], Rows(page2));
        Assert.DoesNotContain("Page suivante", page2, StringComparison.Ordinal);
        Assert.Contains("<span id=\"recherche-erreur\" class=\"erreur\">Saisissez un SIREN, un code adhérent", wrong, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompanyPage_ShowsItsPeople_StaffAppointWhereNone_ThenRevoke_TheSecondClickIsToldWhatChanged()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var company = await server.NewCompanyAsync("Sans Administrateur");
        var (alice, bruno) = (PortalSteps.UniqueEmail(), PortalSteps.UniqueEmail());
        var aliceRequest = (await server.PendingRequestAsync(company, alice, new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero))).Id;
        var brunoRequest = (await server.PendingRequestAsync(company, bruno, new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero))).Id;
        var path = $"/back-office/annuaire/entreprises/{company.Id}";
        var (_, shown) = await staff.GetAsync(path);

        Assert.Contains("<h1>Sans Administrateur</h1>", shown, StringComparison.Ordinal);
        Assert.Contains("Cette entreprise n'a aucun administrateur", shown, StringComparison.Ordinal);
        Assert.Contains($"<td>{alice}</td>", shown, StringComparison.Ordinal);
        Assert.Contains("<td>14/07/2025 12:00</td>", shown, StringComparison.Ordinal);

        using var appointed = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Nommer", ("acces", aliceRequest.ToString()));
        using var second = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Nommer", ("acces", brunoRequest.ToString()));
        var secondPage = await WebVisitor.TextOfAsync(second);

        Assert.Equal(path, WebVisitor.RedirectPath(appointed));
        Assert.Contains($"L'entreprise a déjà un administrateur ({alice})", secondPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Nommer administrateur", secondPage, StringComparison.Ordinal);
        var entry = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == $"{company.Siren}:{alice}"));
        Assert.Equal((staff.AuditName, "127.0.0.1", AuditEvents.MembershipMadeAdministrator), (entry.Actor, entry.RemoteAddress, entry.Event));

        using var revoked = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Retirer", ("acces", aliceRequest.ToString()));
        using var revokedAgain = await staff.Visitor.SubmitFromAsync(shown, path + "?handler=Retirer", ("acces", aliceRequest.ToString()));
        var (_, after) = await staff.GetAsync(path);

        Assert.Equal(path, WebVisitor.RedirectPath(revoked));
        Assert.Contains("Cette action n'est plus possible : la page n'était pas à jour.", await WebVisitor.TextOfAsync(revokedAgain),
            StringComparison.Ordinal);
        Assert.Contains("Aucun administrateur.", after, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Revoked, await server.InDbAsync(db => db.Memberships.Where(m => m.Id == aliceRequest).Select(
            m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task CompanyPage_UnknownCompany_IsTheNotFoundPage()
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (response, _) = await staff.GetAsync($"/back-office/annuaire/entreprises/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Fingerprint(string page) => FingerprintField().Match(page).Groups[1].Value;

    private static List<string> Rows(string page) => [.. RowSiren().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("name=\"apercu\" value=\"([0-9a-f]{64})\"")]
    private static partial Regex FingerprintField();

    [GeneratedRegex("<tr data-siren=\"(\\d{9})\">\\s*<td><a")]
    private static partial Regex RowSiren();

    [GeneratedRegex("<a href=\"([^\"]+)\" rel=\"next\">Page suivante</a>")]
    private static partial Regex NextLink();
}

public sealed class DirectoryPagesTestsOnSqlite(SqliteServerFixture server) : DirectoryPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class DirectoryPagesTestsOnPostgres(PostgresServerFixture server) : DirectoryPagesTests(server), IClassFixture<PostgresServerFixture>;
