using System.Text;
using Guichet.Application.Accounts;
using Guichet.Application.Companies;
using Guichet.Application.Imports;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Companies;

/// <summary>
/// The back office's member directory on both providers: the upload checked, previewed and applied exactly as previewed
/// (all or nothing, once), the search, and staff stepping in on a company through the portal's own use cases.
/// </summary>
public abstract class MemberDirectoryTests(GuichetServer server)
{
    private readonly StaffCaller _staff = StaffCaller.For($"s-{Guid.NewGuid():N}@guichet.test", "192.0.2.7");

    [Fact]
    public async Task Upload_PreviewsAddedChangedUnchanged_WritesNothing_ThenAppliesIt_Audited()
    {
        var (kept, renamed, added) = (await server.NewCompanyAsync(), await server.NewCompanyAsync(), Sirens.Unique());
        var csv = $"SIREN;code;nom\n{kept.Siren};{kept.MemberCode};{kept.Name}\n"
            + $"{renamed.Siren};NEW-{renamed.MemberCode};Nouveau nom\n{added};ADH-N;Ajoutée\n";

        var id = (await StageAsync(csv)).Value;
        var preview = (await PreviewAsync(id)).Value.Preview;

        Assert.Equal([new DirectoryAddition(added, "ADH-N", "Ajoutée")], preview.Added);
        Assert.Equal([new DirectoryChange(renamed.Siren, renamed.MemberCode, renamed.Name, "NEW-" + renamed.MemberCode, "Nouveau nom")],
            preview.Changed);
        Assert.Equal(1, preview.Unchanged);
        Assert.False(await server.InDbAsync(db => db.Companies.AnyAsync(c => c.Siren == added)));

        var applied = await ApplyAsync(id, preview.Fingerprint());

        Assert.Equal(new DirectoryImport(1, 1, 1), applied.Value);
        var stored = await server.InDbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Siren == renamed.Siren));
        Assert.Equal(("NEW-" + renamed.MemberCode, "Nouveau nom", "nouveau nom"), (stored.MemberCode, stored.Name, stored.NameKey));
        Assert.True(await server.InDbAsync(db => db.Companies.AnyAsync(c => c.Siren == added && c.NameKey == "ajoutee")));
        var change = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.DirectoryCompanyChanged
            && e.Subject == renamed.Siren));
        Assert.Equal((_staff.AuditName, "192.0.2.7", renamed.MemberCode, "NEW-" + renamed.MemberCode, $"{renamed.Name} → Nouveau nom"),
            (change.Actor, change.RemoteAddress, change.FromValue, change.ToValue, change.Detail));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.DirectoryImported
            && e.Actor == _staff.AuditName
            && e.RemoteAddress == "192.0.2.7" && e.Detail == "1 added, 1 updated, 1 unchanged")));
        // Applied once: the upload went with it.
        Assert.Equal(ErrorCodes.StagedImportNotFound, (await ApplyAsync(id, preview.Fingerprint())).FailureCode);
    }

    [Fact]
    public async Task Apply_DirectoryChangedSinceThePreview_AppliesNothing_TheNewPreviewCanBeApplied()
    {
        var company = await server.NewCompanyAsync();
        var added = Sirens.Unique();
        var id = (await StageAsync($"{company.Siren};CODE-A;Nom A\n{added};ADH;Ajout\n")).Value;
        var shown = (await PreviewAsync(id)).Value.Preview;
        await server.InDbAsync(db => db.Companies.Where(c => c.Id == company.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.MemberCode, "CODE-A").SetProperty(c => c.Name, "Nom A")));

        var stale = await ApplyAsync(id, shown.Fingerprint());
        var forged = await ApplyAsync(id, null);

        Assert.Equal(ErrorCodes.DirectoryChanged, stale.FailureCode);
        Assert.Equal(ErrorCodes.DirectoryChanged, forged.FailureCode);
        Assert.False(await server.InDbAsync(db => db.Companies.AnyAsync(c => c.Siren == added)));
        var now = (await PreviewAsync(id)).Value.Preview;
        Assert.Equal((1, 0, 1), (now.Added.Count, now.Changed.Count, now.Unchanged));
        Assert.Equal(new DirectoryImport(1, 0, 1), (await ApplyAsync(id, now.Fingerprint())).Value);
    }

    [Fact]
    public async Task Upload_OfAnotherStaffMember_OrOlderThanAnHour_IsNotApplied()
    {
        var added = Sirens.Unique();
        var id = (await StageAsync($"{added};ADH;Ajout\n")).Value;
        var fingerprint = (await PreviewAsync(id)).Value.Preview.Fingerprint();
        var other = StaffCaller.For("autre@guichet.test", null);

        var byOther = await server.UseAsync<ApplyMemberDirectoryImport, Result<DirectoryImport>>(u => u.HandleAsync(id, fingerprint, other,
            default));
        await server.InDbAsync(db => db.StagedImports.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, server.Clock.GetUtcNow().AddSeconds(-1))));
        var expired = await ApplyAsync(id, fingerprint);

        Assert.Equal(ErrorCodes.StagedImportNotFound, byOther.FailureCode);
        Assert.Equal(ErrorCodes.StagedImportExpired, expired.FailureCode);
        Assert.False(await server.InDbAsync(db => db.Companies.AnyAsync(c => c.Siren == added)));
    }

    [Theory]
    [InlineData("annuaire.xlsx", "123", ErrorCodes.UnsupportedMediaType, "Le fichier doit être un fichier CSV (extension .csv ou .txt).")]
    [InlineData("annuaire.csv", "", ErrorCodes.InvalidFile, "Le fichier est vide.")]
    [InlineData("annuaire.csv", "latin1", ErrorCodes.InvalidFile, "Le fichier n'est pas un texte en UTF-8")]
    [InlineData("annuaire.csv", "large", ErrorCodes.FileTooLarge, "Le fichier dépasse 5 Mo")]
    [InlineData("annuaire.csv", "header", ErrorCodes.InvalidFile, "Le fichier ne contient aucune entreprise.")]
    public async Task Upload_WrongFile_IsRefusedUnderTheFileField_NothingStaged(string name, string content, string code, string message)
    {
        var bytes = content switch
        {
            "latin1" => Encoding.Latin1.GetBytes($"{Sirens.Unique()};ADH;Société\n"),
            "large" => new byte[CsvUpload.MaxBytes + 1],
            "header" => Encoding.UTF8.GetBytes("SIREN;code;nom\n"),
            _ => Encoding.UTF8.GetBytes(content),
        };
        var before = await server.InDbAsync(db => db.StagedImports.CountAsync(s => s.StagedBy == _staff.AuditName));

        var result = await server.UseAsync<StageMemberDirectoryImport, Result<Guid>>(u => u.HandleAsync(name, bytes, _staff, "fichier", default));

        Assert.Equal(code, result.FailureCode);
        Assert.StartsWith(message, Assert.Single(result.Errors, e => e.Field == "fichier").Message, StringComparison.Ordinal);
        Assert.Equal(before, await server.InDbAsync(db => db.StagedImports.CountAsync(s => s.StagedBy == _staff.AuditName)));
    }

    [Fact]
    public async Task Upload_BadLines_EveryOneWithItsNumber()
    {
        var result = await StageAsync($"\uFEFF{Sirens.Unique()};ADH;Bon\n123456789;ADH;Mauvais SIREN\nseulement;deux\n");

        Assert.Equal(ErrorCodes.InvalidFile, result.FailureCode);
        Assert.Equal(["ligne 2", "ligne 3"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task Search_BySirenCodeOrNamePrefix_AccentsAndCaseAside_PagedInNameOrder_WithCounts()
    {
        var tag = "Zéphyr " + Guid.NewGuid().ToString("N")[..8];
        var companies = new List<Company>();
        for (var i = 0; i < 5; i++)
        {
            companies.Add(await server.NewCompanyAsync($"{tag} {(char)('E' - i)}"));
        }

        var first = companies[^1];
        var admin = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var requester = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        await server.UseAsync<AddCompany, Result<AddedCompany>>(a => a.HandleAsync(admin, first.Siren, first.MemberCode, PortalSteps.Links,
            default));
        await server.UseAsync<AddCompany, Result<AddedCompany>>(a => a.HandleAsync(requester, first.Siren, first.MemberCode,
            PortalSteps.Links, default));

        var bySiren = await SearchAsync(first.Siren[..3] + " " + first.Siren[3..]);
        var byCode = await SearchAsync(first.MemberCode.ToLowerInvariant());
        var page1 = await SearchAsync(tag.ToUpperInvariant().Replace("É", "E", StringComparison.Ordinal), pageSize: 3);
        var page2 = await SearchAsync(tag, page1.Value.Next, pageSize: 3);

        Assert.Equal([new DirectoryCompanyRow(first.Id, first.Siren, first.MemberCode, first.Name, 1, 0, 1)], bySiren.Value.Rows);
        Assert.Equal([first.Siren], byCode.Value.Rows.Select(r => r.Siren));
        Assert.Equal(companies.AsEnumerable().Reverse().Select(c => c.Siren), page1.Value.Rows.Concat(page2.Value.Rows).Select(r => r.Siren));
        Assert.Equal(3, page1.Value.Rows.Count);
        Assert.Null(page2.Value.Next);
        Assert.Equal(ErrorCodes.InvalidValue, (await SearchAsync("?!")).FailureCode);
        Assert.Equal(ErrorCodes.InvalidValue, (await SearchAsync(tag, "000000000")).FailureCode);
    }

    [Fact]
    public async Task IndexCompanies_FillsTheKeysOfCompaniesImportedBeforeThem()
    {
        var company = await server.NewCompanyAsync("Œuvres Sociales d'Été");
        await server.InDbAsync(db => db.Database.ExecuteSqlAsync(
            $"UPDATE companies SET \"NameKey\" = NULL, \"MemberCodeKey\" = NULL WHERE \"Siren\" = {company.Siren}"));

        await server.UseAsync<IndexCompanies, int>(u => u.HandleAsync(default));

        var stored = await server.InDbAsync(db => db.Companies.AsNoTracking().SingleAsync(c => c.Id == company.Id));
        Assert.Equal(("oeuvres sociales d ete", company.MemberCode.ToLowerInvariant().Replace('-', ' ')), (stored.NameKey, stored.MemberCodeKey));
    }

    [Fact]
    public async Task Staff_AppointWhereNoAdministrator_APendingRequester_WhoIsEmailed_AuditedAsStaff()
    {
        var company = await server.NewCompanyAsync();
        var email = PortalSteps.UniqueEmail();
        var request = await server.PendingRequestAsync(company, email);

        var appointed = await AppointAsync(new CompanyActor.Staff(_staff), company.Id, request.Id);

        Assert.True(appointed.Value.IsActiveAdministrator);
        Assert.Contains("Vous êtes désormais administrateur", (await server.WaitForMailAsync(email, "Votre accès")).TextBody,
            StringComparison.Ordinal);
        var entry = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Subject == $"{company.Siren}:{email}"
            && e.Event == AuditEvents.MembershipMadeAdministrator));
        Assert.Equal((_staff.AuditName, "192.0.2.7", "Pending/Member", "Active/Administrator"), (entry.Actor, entry.RemoteAddress,
            entry.FromValue, entry.ToValue));
    }

    [Fact]
    public async Task Staff_Appoint_WhereTheCompanyHasAnAdministrator_IsRefused_ByName()
    {
        var company = await server.NewCompanyAsync();
        var adminEmail = PortalSteps.UniqueEmail();
        var admin = await server.ConfirmedPersonAsync(adminEmail);
        await server.UseAsync<AddCompany, Result<AddedCompany>>(a => a.HandleAsync(admin, company.Siren, company.MemberCode,
            PortalSteps.Links, default));
        var request = await server.PendingRequestAsync(company, PortalSteps.UniqueEmail());

        var refused = await AppointAsync(new CompanyActor.Staff(_staff), company.Id, request.Id);

        Assert.Equal(ErrorCodes.AlreadyAdministered, refused.FailureCode);
        Assert.Contains(adminEmail, refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Pending, await server.InDbAsync(db => db.Memberships.Where(m => m.Id == request.Id).Select(
            m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Staff_TwoAppointmentsFromOnePage_TheSecondIsRefused()
    {
        var company = await server.NewCompanyAsync();
        var one = await server.PendingRequestAsync(company, PortalSteps.UniqueEmail());
        var two = await server.PendingRequestAsync(company, PortalSteps.UniqueEmail());

        var first = await AppointAsync(new CompanyActor.Staff(_staff), company.Id, one.Id);
        var second = await AppointAsync(new CompanyActor.Staff(_staff), company.Id, two.Id);

        Assert.True(first.Succeeded);
        Assert.Equal(ErrorCodes.AlreadyAdministered, second.FailureCode);
    }

    [Fact]
    public async Task Staff_RevokeTheLastAdministrator_IsAllowed_ACompanyAdministratorIsNot()
    {
        var company = await server.NewCompanyAsync();
        var admin = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var membership = (await server.UseAsync<AddCompany, Result<AddedCompany>>(a =>
            a.HandleAsync(admin, company.Siren, company.MemberCode, PortalSteps.Links, default))).Value.Membership;

        var byHimself = await RevokeAsync(new CompanyActor.Administrator(admin), company.Id, membership.Id);
        var byStaff = await RevokeAsync(new CompanyActor.Staff(_staff), company.Id, membership.Id);
        var again = await RevokeAsync(new CompanyActor.Staff(_staff), company.Id, membership.Id);

        Assert.Equal(ErrorCodes.LastAdministrator, byHimself.FailureCode);
        Assert.Equal(MembershipStatus.Revoked, byStaff.Value.Status);
        Assert.Equal(ErrorCodes.TransitionNotAllowed, again.FailureCode);
        Assert.Equal(_staff.AuditName, await server.InDbAsync(db => db.Memberships.Where(m => m.Id == membership.Id).Select(
            m => m.DecidedBy).SingleAsync()));
    }

    [Fact]
    public async Task CompanyAdministrator_OnAnotherCompanysMembership_FindsNothing()
    {
        var mine = await server.NewCompanyAsync();
        var theirs = await server.NewCompanyAsync();
        var admin = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        await server.UseAsync<AddCompany, Result<AddedCompany>>(a => a.HandleAsync(admin, mine.Siren, mine.MemberCode, PortalSteps.Links, default));
        var other = await server.ConfirmedPersonAsync(PortalSteps.UniqueEmail());
        var theirMembership = (await server.UseAsync<AddCompany, Result<AddedCompany>>(a =>
            a.HandleAsync(other, theirs.Siren, theirs.MemberCode, PortalSteps.Links, default))).Value.Membership;

        var throughMine = await RevokeAsync(new CompanyActor.Administrator(admin), mine.Id, theirMembership.Id);
        var throughTheirs = await RevokeAsync(new CompanyActor.Administrator(admin), theirs.Id, theirMembership.Id);

        Assert.Equal(ErrorCodes.InvalidValue, throughMine.FailureCode);
        Assert.Equal(ErrorCodes.AccessDenied, throughTheirs.FailureCode);
        Assert.Equal(MembershipStatus.Active, await server.InDbAsync(db => db.Memberships.Where(m => m.Id == theirMembership.Id).Select(
            m => m.Status).SingleAsync()));
    }

    private Task<Result<Guid>> StageAsync(string csv) => server.UseAsync<StageMemberDirectoryImport, Result<Guid>>(u =>
        u.HandleAsync("annuaire.csv", Encoding.UTF8.GetBytes(csv), _staff, "fichier", default));

    private Task<Result<StagedDirectoryPreview>> PreviewAsync(Guid id) =>
        server.UseAsync<PreviewMemberDirectoryImport, Result<StagedDirectoryPreview>>(u => u.HandleAsync(id, _staff, default));

    private Task<Result<DirectoryImport>> ApplyAsync(Guid id, string? fingerprint) =>
        server.UseAsync<ApplyMemberDirectoryImport, Result<DirectoryImport>>(u => u.HandleAsync(id, fingerprint, _staff, default));

    private Task<Result<DirectoryCompanyPage>> SearchAsync(string text, string? after = null, int pageSize = 50) =>
        server.UseAsync<SearchCompanies, Result<DirectoryCompanyPage>>(u => u.HandleAsync(new CompanySearch(text, after, pageSize),
            "recherche", default));

    private Task<Result<Membership>> AppointAsync(CompanyActor actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<AppointAdministrator, Result<Membership>>(u => u.HandleAsync(actor, companyId, membershipId, PortalSteps.Links, default));

    private Task<Result<Membership>> RevokeAsync(CompanyActor actor, Guid companyId, Guid membershipId) =>
        server.UseAsync<RevokeMembership, Result<Membership>>(u => u.HandleAsync(actor, companyId, membershipId, PortalSteps.Links, default));
}

public sealed class MemberDirectoryTestsOnSqlite(SqliteServerFixture server) : MemberDirectoryTests(server), IClassFixture<SqliteServerFixture>;

public sealed class MemberDirectoryTestsOnPostgres(PostgresServerFixture server) : MemberDirectoryTests(server),
    IClassFixture<PostgresServerFixture>;
