using System.Net;
using System.Text.RegularExpressions;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.RegistrationFiles;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// The back office's registration-file pages over HTTP, their real forms submitted by a real staff member: the dashboard,
/// the list (filters, paging, selection) and the file page (fields, actions, races). Counts are compared before and after,
/// lists filtered on a white label of the test's own: the tests of a class share one database.
/// </summary>
public abstract partial class FilesPagesTests(GuichetServer server)
{
    private readonly TestFiles _files = new(server);

    [Fact]
    public async Task Anonymous_OnTheFilePages_IsSentToTheStaffSignIn()
    {
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl);
        using var anonymous = new WebVisitor(server);

        foreach (var path in new[] { "/back-office", "/back-office/dossiers", FilesStaff.FilePath(file.FolderNumber) })
        {
            using var response = await anonymous.GetAsync(path);
            Assert.Equal("/back-office/connexion", WebVisitor.RedirectPath(response));
        }
    }

    [Fact]
    public async Task Dashboard_CountsTheFilesAddedPerState_EachALinkToTheFilteredList()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var (_, before) = await staff.GetAsync("/back-office");
        var wl = await _files.WhiteLabelAsync();
        await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        await _files.AddAsync(wl, state: AccountState.BO_VALIDATED);
        await _files.AddAsync(wl, state: AccountState.CLOSED);

        var (response, after) = await staff.GetAsync("/back-office");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Tableau de bord</h1>", after, StringComparison.Ordinal);
        var (was, now) = (Counts(before), Counts(after));
        Assert.Equal(Enum.GetNames<AccountState>(), now.Keys);
        Assert.Equal(2, now["WAIT_FOR_FILES"].Count - was["WAIT_FOR_FILES"].Count);
        Assert.Equal(1, now["BO_VALIDATED"].Count - was["BO_VALIDATED"].Count);
        Assert.Equal(1, now["CLOSED"].Count - was["CLOSED"].Count);
        Assert.Equal(0, now["REGISTERED"].Count - was["REGISTERED"].Count);
        Assert.Equal(("/back-office/dossiers?etat=WAIT_FOR_FILES", "Dossier en attente des pièces à envoyer par courrier"),
            (now["WAIT_FOR_FILES"].Link, now["WAIT_FOR_FILES"].Description));
        Assert.Equal("Fermé", now["CLOSED"].Description);
    }

    [Fact]
    public async Task Dashboard_ShowsTheOldestFileWaitingForTheBackOffice_WithItsAgeAndALink()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        // Older than anything another test of this class adds; its age counts from when it entered its state.
        var since = server.Clock.GetUtcNow().AddDays(-9000).AddHours(-5).AddMinutes(-Random.Shared.Next(1, 50));
        var oldest = await _files.AddAsync(wl, createdAt: since, state: AccountState.BO_VALIDATED);
        await _files.AddAsync(wl, createdAt: since.AddDays(-1), state: AccountState.REGISTERED);

        var (_, page) = await staff.GetAsync("/back-office");

        var line = OldestLine().Match(page);
        Assert.True(line.Success, page);
        Assert.Equal(($"/back-office/dossiers/{oldest.FolderNumber}", oldest.FolderNumber, oldest.Login, "BO_VALIDATED"),
            (line.Groups["href"].Value, line.Groups["folder"].Value, line.Groups["login"].Value, line.Groups["state"].Value));
        Assert.Equal("9000 j 5 h", line.Groups["age"].Value);
    }

    [Fact]
    public async Task List_FiltersOnWhiteLabelStateAndText_ShowsTheColumns()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var at = new DateTimeOffset(2025, 7, 14, 21, 30, 0, TimeSpan.Zero);
        var waiting = await _files.AddAsync(wl, createdAt: at, state: AccountState.WAIT_FOR_FILES, data: TestFiles.File("Boulangerie Ferrand"));
        var validated = await _files.AddAsync(wl, createdAt: at.AddMinutes(1), state: AccountState.BO_VALIDATED);
        var registered = await _files.AddAsync(wl, createdAt: at.AddMinutes(2), state: AccountState.REGISTERED, isTest: true);
        var elsewhere = await _files.AddAsync(await _files.WhiteLabelAsync(), state: AccountState.WAIT_FOR_FILES);

        var (_, all) = await staff.GetAsync($"/back-office/dossiers?marque={wl}");
        var (_, twoStates) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&etat=WAIT_FOR_FILES&etat=BO_VALIDATED");
        var (_, tests) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&environnement=test");
        var (_, byCompany) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&recherche=boulangerie+fer");
        var (_, bySiret) = await staff.GetAsync($"/back-office/dossiers?recherche={registered.Siret}");
        var (_, byFolder) = await staff.GetAsync($"/back-office/dossiers?recherche={elsewhere.FolderNumber.ToLowerInvariant()}");
        var (_, byDay) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&du=2025-07-14&au=2025-07-14");
        var (_, nextDay) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&du=2025-07-15&au=2025-07-15");

        Assert.Equal([registered.FolderNumber, validated.FolderNumber, waiting.FolderNumber], Rows(all));
        Assert.Equal([validated.FolderNumber, waiting.FolderNumber], Rows(twoStates));
        Assert.Equal([registered.FolderNumber], Rows(tests));
        Assert.Equal([waiting.FolderNumber], Rows(byCompany));
        Assert.Equal([registered.FolderNumber], Rows(bySiret));
        Assert.Equal([elsewhere.FolderNumber], Rows(byFolder));
        // 21:30 UTC on 14 July is 23:30 in Paris: still the 14th there.
        Assert.Equal(3, Rows(byDay).Count);
        Assert.Empty(Rows(nextDay));
        Assert.Contains("Aucun dossier ne correspond à ces critères.", nextDay, StringComparison.Ordinal);
        var row = RowOf(all, waiting.FolderNumber);
        Assert.Equal(
            [waiting.FolderNumber, waiting.Login, "Primaire", "WAIT_FOR_FILES", "Marque " + WhiteLabelCode(all), "Boulangerie Ferrand",
                waiting.Siret!, "14/07/2025 23:30"],
            row);
        // The filters are given back to the form.
        Assert.Contains("value=\"WAIT_FOR_FILES\" checked=\"checked\"", twoStates, StringComparison.Ordinal);
        Assert.Contains($"value=\"{wl}\" selected=\"selected\"", twoStates, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_PagesByCursor_TheLinksKeepTheFilters()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var start = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var added = new List<Account>();
        for (var i = 0; i < 52; i++)
        {
            var state = i % 2 == 0 ? AccountState.WAIT_FOR_FILES : AccountState.CLOSED;
            added.Add(await _files.AddAsync(wl, createdAt: start.AddMinutes(i), state: state));
        }

        var waiting = added.Where(a => a.State == AccountState.WAIT_FOR_FILES).OrderByDescending(a => a.CreatedAt)
            .Select(a => a.FolderNumber).ToList();
        await _files.AddAsync(wl, createdAt: start.AddDays(1), state: AccountState.WAIT_FOR_FILES, isTest: true);
        var filters = $"etat=WAIT_FOR_FILES&marque={wl}&environnement=reel";

        var (_, first) = await staff.GetAsync($"/back-office/dossiers?{filters}");
        Assert.Equal(waiting, Rows(first));
        Assert.DoesNotContain("Page suivante", first, StringComparison.Ordinal);

        var all = added.OrderByDescending(a => a.CreatedAt).Select(a => a.FolderNumber).ToList();
        var (_, page1) = await staff.GetAsync($"/back-office/dossiers?marque={wl}&environnement=reel");
        var next = Link(page1, "Page suivante");
        Assert.Null(LinkOrNull(page1, "Page précédente"));
        Assert.Contains($"marque={wl}", next, StringComparison.Ordinal);
        Assert.Contains("environnement=reel", next, StringComparison.Ordinal);
        Assert.Contains("curseur=", next, StringComparison.Ordinal);
        var (_, page2) = await staff.GetAsync(next);
        var (_, back) = await staff.GetAsync(Link(page2, "Page précédente"));
        var (_, last) = await staff.GetAsync(Link(page1, "Dernière page"));

        Assert.Equal(all[..50], Rows(page1));
        Assert.Equal(all[50..], Rows(page2));
        Assert.Null(LinkOrNull(page2, "Page suivante"));
        Assert.Equal(all[..50], Rows(back));
        Assert.Equal(all[^50..], Rows(last));
    }

    [Theory]
    [InlineData("du=2025-02-01&au=2025-01-01", "au", "La date de fin précède la date de début.")]
    [InlineData("du=demain", "du", "Date invalide : choisissez-la dans le calendrier ou écrivez-la jj/mm/aaaa.")]
    [InlineData("etat=OUVERT", "etat", "« OUVERT » n'est pas une valeur possible de ce filtre.")]
    [InlineData("categorie=3", "categorie", "« 3 » n'est pas une valeur possible de ce filtre.")]
    [InlineData("recherche=%C3%A9", "recherche", "Saisissez au moins 2 caractères (lettres ou chiffres) à rechercher.")]
    public async Task List_WrongFilter_SaysWhyUnderIt_AndListsNothing(string query, string field, string message)
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (response, page) = await staff.GetAsync($"/back-office/dossiers?{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<span id=\"{field}-erreur\" class=\"erreur\">{message}</span>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"dossiers\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ForgedCursor_SaysSoAtTheTop()
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (_, page) = await staff.GetAsync("/back-office/dossiers?curseur=pas-un-curseur");

        Assert.Contains("<p class=\"erreur\" role=\"alert\">Ce lien de pagination n'est pas valide : revenez à la première page.</p>", page,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilePage_EveryFieldWithItsLabelInTheSeedsOrder_TheStateAndTheFamily()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var data = TestFiles.File("Menuiserie Lenoir");
        var primary = await _files.AddAsync(wl, data: data, state: AccountState.REGISTERED);
        var secondary = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES, primary: primary);

        var (response, page) = await staff.GetAsync(FilesStaff.FilePath(primary.FolderNumber.ToLowerInvariant()));
        var (_, secondaryPage) = await staff.GetAsync(FilesStaff.FilePath(secondary.FolderNumber));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>Dossier {primary.FolderNumber}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"etat\"><strong>REGISTERED</strong> — Dossier ouvert</dd>", page, StringComparison.Ordinal);
        var expected = RegistrationFileLayout.Sections(primary.Data!);
        Assert.Equal(expected.Select(s => s.Title), SectionTitles(page));
        Assert.Equal(expected.SelectMany(s => s.Fields).Select(f => (f.Label, f.Value ?? "non renseigné")), Fields(page));
        Assert.Equal(("Nom du compte", data.AccountName!), Fields(page)[0]);
        Assert.Equal(("Raison sociale", "Menuiserie Lenoir"), Fields(page)[4]);
        Assert.Contains($"<a href=\"/back-office/dossiers/{secondary.FolderNumber}\">{secondary.Login}</a> (WAIT_FOR_FILES)", page,
            StringComparison.Ordinal);
        Assert.Contains(
            $"<dt>Compte primaire</dt>\n        <dd><a href=\"/back-office/dossiers/{primary.FolderNumber}\">{primary.Login}</a> (REGISTERED)</dd>",
            secondaryPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountState.WAIT_FOR_FILES,
        "BACK_TO_STATE_IN_PROGRESS:Remettre en cours de création|BACK_TO_STATE_SUSPENDED:Suspendre|VALIDATE:Valider|REJECT:Rejeter")]
    [InlineData(AccountState.BO_VALIDATED,
        "BACK_TO_STATE_IN_PROGRESS:Remettre en cours de création|BACK_TO_STATE_SUSPENDED:Suspendre"
        + "|BACK_TO_STATE_WAITING:Remettre en attente de pièces"
        + "|ENROLL:Enrôler|REJECT:Rejeter")]
    [InlineData(AccountState.REGISTERED, "DISABLE:Désactiver")]
    [InlineData(AccountState.CLOSED, "ENABLE:Réactiver")]
    [InlineData(AccountState.REGISTRATION_IN_PROGRESS, "")]
    public async Task FilePage_OffersExactlyTheActionsItsStateAllows(AccountState state, string expected)
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var file = await _files.AddAsync(await _files.WhiteLabelAsync(), state: state);

        var (_, page) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));

        Assert.Equal(expected, string.Join("|", Buttons(page)));
        Assert.Equal(state == AccountState.REGISTRATION_IN_PROGRESS,
            page.Contains("Aucune action n'est possible dans l'état", StringComparison.Ordinal));
        Assert.Equal(expected.Contains("REJECT", StringComparison.Ordinal),
            page.Contains("<label for=\"motif\">Motif du rejet</label>", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("D20260101-ZZZZZZ")]
    [InlineData("pas-un-dossier")]
    public async Task FilePage_UnknownFolderNumber_IsTheNotFoundPage(string folderNumber)
    {
        using var staff = await FilesStaff.SignInAsync(server);

        var (response, page) = await staff.GetAsync(FilesStaff.FilePath(folderNumber));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page introuvable</h1>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccountState.WAIT_FOR_FILES, AccountAction.VALIDATE, AccountState.BO_VALIDATED)]
    [InlineData(AccountState.BO_VALIDATED, AccountAction.ENROLL, AccountState.REGISTRATION_IN_PROGRESS)]
    [InlineData(AccountState.BO_VALIDATED, AccountAction.BACK_TO_STATE_WAITING, AccountState.WAIT_FOR_FILES)]
    [InlineData(AccountState.WAIT_FOR_FILES, AccountAction.BACK_TO_STATE_IN_PROGRESS, AccountState.CREATION_IN_PROGRESS)]
    [InlineData(AccountState.WAIT_FOR_FILES, AccountAction.BACK_TO_STATE_SUSPENDED, AccountState.CREATION_SUSPENDED)]
    [InlineData(AccountState.REGISTERED, AccountAction.DISABLE, AccountState.CLOSED)]
    [InlineData(AccountState.CLOSED, AccountAction.ENABLE, AccountState.REGISTERED)]
    [InlineData(AccountState.BO_REJECTED, AccountAction.VALIDATE, AccountState.BO_VALIDATED)]
    public async Task Action_AppliedThroughThePage_IsAuditedInTheStaffMembersName(AccountState from, AccountAction action, AccountState to)
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var file = await _files.AddAsync(await _files.WhiteLabelAsync(), state: from);
        var (_, shown) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));

        using var response = await staff.ActAsync(file.FolderNumber, shown, action.ToString());
        var (_, after) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(FilesStaff.FilePath(file.FolderNumber), WebVisitor.RedirectPath(response));
        Assert.Contains(
            $"« {AccountActionLabels.Of(action)} » appliqué : le dossier est maintenant {to} ({AccountStateDescriptions.Of(to)}).",
            after, StringComparison.Ordinal);
        // ENROLL hands the file to the enrolment worker, which may already have finished it (and written its own line).
        var entry = await server.InDbAsync(db => db.AuditEntries
            .SingleAsync(e => e.Subject == file.Login && e.Event == AuditEvents.AccountStateChanged && e.FromValue == from.ToString()));
        Assert.Equal((staff.AuditName, from.ToString(), to.ToString(), "127.0.0.1", action.ToString()),
            (entry.Actor, entry.FromValue, entry.ToValue, entry.RemoteAddress, entry.Detail));
        AccountState[] expected = to == AccountState.REGISTRATION_IN_PROGRESS ? [to, AccountState.REGISTERED] : [to];
        Assert.Contains((await _files.StoredAsync(file.Id)).State, expected);
        Assert.Contains($"<td>{staff.AuditName}</td>", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reject_WithoutAReason_IsRefusedUnderTheReason_AndChangesNothing_WithOne_KeepsItInTheTrail()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var file = await _files.AddAsync(await _files.WhiteLabelAsync(), state: AccountState.WAIT_FOR_FILES);
        var (_, shown) = await staff.GetAsync(FilesStaff.FilePath(file.FolderNumber));
        var stored = await _files.StoredAsync(file.Id);

        using var refused = await staff.ActAsync(file.FolderNumber, shown, "REJECT", reason: "   ");
        var refusedPage = await WebVisitor.TextOfAsync(refused);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("<span id=\"motif-erreur\" class=\"erreur\">Un rejet doit être motivé : indiquez le motif.</span>", refusedPage,
            StringComparison.Ordinal);
        Assert.Equal(stored, await _files.StoredAsync(file.Id));
        Assert.Equal(0, await StateChangesAsync(file.Login));

        using var rejected = await staff.ActAsync(file.FolderNumber, refusedPage, "REJECT", reason: "Kbis illisible");

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Equal(AccountState.BO_REJECTED, (await _files.StoredAsync(file.Id)).State);
        var entry = await LastStateChangeAsync(file.Login);
        Assert.Equal((staff.AuditName, "REJECT: Kbis illisible"), (entry.Actor, entry.Detail));
    }

    [Fact]
    public async Task TwoStaffOnOneFile_TheSecondIsToldItChangedMeanwhile_AndSeesItsNewState()
    {
        using var first = await FilesStaff.SignInAsync(server);
        using var second = await FilesStaff.SignInAsync(server);
        var file = await _files.AddAsync(await _files.WhiteLabelAsync(), state: AccountState.WAIT_FOR_FILES);
        var (_, seenByFirst) = await first.GetAsync(FilesStaff.FilePath(file.FolderNumber));
        var (_, seenBySecond) = await second.GetAsync(FilesStaff.FilePath(file.FolderNumber));

        using var won = await first.ActAsync(file.FolderNumber, seenByFirst, "VALIDATE");
        using var lost = await second.ActAsync(file.FolderNumber, seenBySecond, "BACK_TO_STATE_SUSPENDED");
        var lostPage = await WebVisitor.TextOfAsync(lost);

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lost.StatusCode);
        Assert.Contains("Le dossier a été modifié entre-temps : voici son état actuel, vérifiez-le avant d'agir à nouveau.", lostPage,
            StringComparison.Ordinal);
        Assert.Contains("<dd class=\"etat\"><strong>BO_VALIDATED</strong> — Dossier validé par le BO</dd>", lostPage, StringComparison.Ordinal);
        Assert.Contains("ENROLL:Enrôler", Buttons(lostPage));
        var stored = await _files.StoredAsync(file.Id);
        Assert.Equal((AccountState.BO_VALIDATED, stored.Version.ToString()), (stored.State, FilesStaff.VersionIn(lostPage)));
        Assert.Equal(first.AuditName, (await LastStateChangeAsync(file.Login)).Actor);
        Assert.Equal(1, await StateChangesAsync(file.Login));
    }

    [Fact]
    public async Task Selection_ValidatedAtOnce_OneLinePerFile_AllowedOnesApplied()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var one = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        var two = await _files.AddAsync(wl, state: AccountState.BO_REJECTED);
        var settled = await _files.AddAsync(wl, state: AccountState.REGISTERED);
        var list = $"/back-office/dossiers?marque={wl}";

        using var response = await staff.Visitor.SubmitAsync(list, $"/back-office/dossiers?handler=Selection&marque={wl}",
            ("dossier", one.Id.ToString()), ("dossier", two.Id.ToString()), ("dossier", settled.Id.ToString()), ("dossier", "inconnu"),
            ("operation", "VALIDATE"));
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Résultat : Valider sur 4 dossier(s)", page, StringComparison.Ordinal);
        Assert.Equal("Succès : BO_VALIDATED — Dossier validé par le BO", OutcomeOf(page, one.FolderNumber));
        Assert.Equal("Succès : BO_VALIDATED — Dossier validé par le BO", OutcomeOf(page, two.FolderNumber));
        Assert.Equal(
            "« Valider » n'est pas possible pour un dossier à l'état REGISTERED (Dossier ouvert). Actions possibles : « Désactiver ».",
            OutcomeOf(page, settled.FolderNumber));
        Assert.Contains("<span class=\"erreur\">Aucun dossier d'inscription inconnu.</span>", page, StringComparison.Ordinal);
        Assert.Equal([AccountState.BO_VALIDATED, AccountState.BO_VALIDATED, AccountState.REGISTERED],
            [(await _files.StoredAsync(one.Id)).State, (await _files.StoredAsync(two.Id)).State, (await _files.StoredAsync(settled.Id)).State]);
        Assert.Equal(staff.AuditName, (await LastStateChangeAsync(one.Login)).Actor);
        // The list below shows the files as they are now.
        Assert.Equal([settled.FolderNumber, two.FolderNumber, one.FolderNumber], Rows(page));
    }

    [Fact]
    public async Task Selection_EnrolledAtOnce_TheWorkerTakesThemOn()
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var ready = await _files.AddAsync(wl, state: AccountState.BO_VALIDATED);
        var early = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);

        using var response = await staff.Visitor.SubmitAsync(
            $"/back-office/dossiers?marque={wl}", $"/back-office/dossiers?handler=Selection&marque={wl}",
            ("dossier", ready.Id.ToString()), ("dossier", early.Id.ToString()), ("operation", "ENROLL"));
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Equal("Succès : REGISTRATION_IN_PROGRESS — En cours d'enrôlement", OutcomeOf(page, ready.FolderNumber));
        Assert.StartsWith("« Enrôler » n'est pas possible pour un dossier à l'état WAIT_FOR_FILES", OutcomeOf(page, early.FolderNumber),
            StringComparison.Ordinal);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await _files.StoredAsync(early.Id)).State);
    }

    [Theory]
    [InlineData("", "VALIDATE", "Sélectionnez au moins un dossier.")]
    [InlineData("file", "REJECT", "Une sélection de dossiers ne peut être que validée ou enrôlée.")]
    public async Task Selection_Wrong_SaysWhy_AndChangesNothing(string selection, string operation, string message)
    {
        using var staff = await FilesStaff.SignInAsync(server);
        var wl = await _files.WhiteLabelAsync();
        var file = await _files.AddAsync(wl, state: AccountState.WAIT_FOR_FILES);
        (string, string)[] fields = selection == "file" ? [("dossier", file.Id.ToString()), ("operation", operation)] : [("operation", operation)];

        using var response = await staff.Visitor.SubmitAsync(
            $"/back-office/dossiers?marque={wl}", $"/back-office/dossiers?handler=Selection&marque={wl}", fields);
        var page = await WebVisitor.TextOfAsync(response);

        Assert.Contains($"<p class=\"erreur\" role=\"alert\">{message}</p>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"resultat\"", page, StringComparison.Ordinal);
        Assert.Equal(AccountState.WAIT_FOR_FILES, (await _files.StoredAsync(file.Id)).State);
    }

    private Task<AuditEntry> LastStateChangeAsync(string login) => server.InDbAsync(db => db.AuditEntries
        .Where(e => e.Subject == login && e.Event == AuditEvents.AccountStateChanged)
        .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).FirstAsync());

    private Task<int> StateChangesAsync(string login) =>
        server.InDbAsync(db => db.AuditEntries.CountAsync(e => e.Subject == login && e.Event == AuditEvents.AccountStateChanged));

    private static Dictionary<string, (string Link, string Description, int Count)> Counts(string page) =>
        StateRow().Matches(page).ToDictionary(m => m.Groups["state"].Value,
            m => (m.Groups["href"].Value, m.Groups["description"].Value,
                int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The folder numbers of the list's table, in order.</summary>
    private static List<string> Rows(string page)
    {
        var start = page.IndexOf("class=\"dossiers\"", StringComparison.Ordinal);
        return start < 0 ? [] : [.. ListRow().Matches(page[start..]).Select(m => m.Groups[1].Value)];
    }

    private static List<string> RowOf(string page, string folderNumber)
    {
        var start = page.IndexOf("class=\"dossiers\"", StringComparison.Ordinal);
        var row = page[page.IndexOf($"<tr data-file=\"{folderNumber}\">", start, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return [.. Cell().Matches(row).Select(m => Tag().Replace(m.Groups[1].Value, string.Empty).Trim()).Skip(1)];
    }

    private static string WhiteLabelCode(string page) => WhiteLabelOption().Match(page).Groups[1].Value;

    private static string Link(string page, string text) => LinkOrNull(page, text) ?? throw new InvalidOperationException($"No link {text}.");

    private static string? LinkOrNull(string page, string text) =>
        Regex.Match(page, $"<a href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>") is { Success: true } match ? match.Groups[1].Value : null;

    private static List<string> SectionTitles(string page) => [.. SectionTitle().Matches(page).Select(m => m.Groups[1].Value)];

    private static List<(string Label, string Value)> Fields(string page)
    {
        var start = page.IndexOf("class=\"rubrique\"", StringComparison.Ordinal);
        return [.. FieldPair().Matches(page[start..]).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
    }

    /// <summary>The action buttons of a file page, "ACTION:Label", in the page's order.</summary>
    private static List<string> Buttons(string page) => [.. ActionButton().Matches(page).Select(m => $"{m.Groups[1].Value}:{m.Groups[2].Value}")];

    private static string OutcomeOf(string page, string folderNumber)
    {
        var start = page.IndexOf("id=\"resultat\"", StringComparison.Ordinal);
        var row = page[page.IndexOf($"<tr data-file=\"{folderNumber}\"", start, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return Tag().Replace(Cell().Matches(row)[1].Groups[1].Value, string.Empty).Trim();
    }

    [GeneratedRegex("<tr data-state=\"(?<state>\\w+)\">\\s*<td><a href=\"(?<href>[^\"]+)\">\\w+</a></td>\\s*"
        + "<td>(?<description>[^<]*)</td>\\s*<td class=\"nombre\">(?<count>\\d+)</td>")]
    private static partial Regex StateRow();

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\">(?<folder>[^<]+)</a>\\s*\\((?<login>[^,]+), (?<state>\\w+)\\), "
        + "en attente depuis <strong>(?<age>[^<]+)</strong>")]
    private static partial Regex OldestLine();

    [GeneratedRegex("<tr data-file=\"([^\"]+)\">")]
    private static partial Regex ListRow();

    [GeneratedRegex("<td>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<option value=\"[0-9a-f-]{36}\" selected=\"selected\">[^<]*\\((\\w+)\\)\\s*</option>")]
    private static partial Regex WhiteLabelOption();

    [GeneratedRegex("<h2 id=\"rubrique-\\d+\">([^<]+)</h2>")]
    private static partial Regex SectionTitle();

    [GeneratedRegex("<dt>([^<]+)</dt>\\s*<dd(?: class=\"absent\")?>([^<]*)</dd>")]
    private static partial Regex FieldPair();

    [GeneratedRegex("<button type=\"submit\" name=\"operation\" value=\"(\\w+)\"[^>]*>([^<]+)</button>")]
    private static partial Regex ActionButton();
}

public sealed class FilesPagesTestsOnSqlite(SqliteServerFixture server) : FilesPagesTests(server), IClassFixture<SqliteServerFixture>;

public sealed class FilesPagesTestsOnPostgres(PostgresServerFixture server) : FilesPagesTests(server), IClassFixture<PostgresServerFixture>;
