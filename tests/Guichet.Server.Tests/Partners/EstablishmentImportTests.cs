using System.Text;
using Guichet.Application.Accounts;
using Guichet.Application.Companies;
using Guichet.Application.Imports;
using Guichet.Application.Partners;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// The establishments' import on both providers: the file checked line by line with the one rule of an establishment's
/// fields, previewed, and applied exactly as previewed (all or nothing, once, by its uploader, within its hour).
/// </summary>
public abstract class EstablishmentImportTests(GuichetServer server)
{
    private const string Header = "siret;nom;adresse;code_postal;ville\n";

    private readonly StaffCaller _staff = StaffCaller.For($"s-{Guid.NewGuid():N}@guichet.test", "192.0.2.8");

    [Fact]
    public async Task Upload_PreviewsAddedChangedUnchanged_WritesNothing_ThenAppliesIt_Audited()
    {
        var kept = await server.NewEstablishmentAsync("Formation Kept");
        var moved = await server.NewEstablishmentAsync("Formation Avant", address: "1 rue A", postalCode: "69001", city: "Lyon");
        var added = Sirets.Unique();
        var csv = Header + $"{kept.Siret};{kept.Name};{kept.Address};{kept.PostalCode};{kept.City}\n"
            + $"{Sirets.Spaced(moved.Siret)};Formation Après;2 rue B;69002;Lyon\n{added};\"Organisme; Éveil\";;;\n";

        var id = (await StageAsync(csv)).Value;
        var preview = (await PreviewAsync(id)).Value.Preview;

        Assert.Equal([new EstablishmentValues(added, "Organisme; Éveil", "", "", "")], preview.Added);
        Assert.Equal([new EstablishmentChange(new EstablishmentValues(moved.Siret, "Formation Avant", "1 rue A", "69001", "Lyon"),
            new EstablishmentValues(moved.Siret, "Formation Après", "2 rue B", "69002", "Lyon"))], preview.Changed);
        Assert.Equal(1, preview.Unchanged);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == added)));

        var before = server.Clock.GetUtcNow();
        var applied = await ApplyAsync(id, preview.Fingerprint());

        Assert.Equal(new EstablishmentsImport(1, 1, 1), applied.Value);
        var stored = await server.InDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Siret == moved.Siret));
        Assert.Equal(("Formation Après", "formation apres", "2 rue B", "69002"), (stored.Name, stored.NameKey, stored.Address, stored.PostalCode));
        Assert.NotEqual(moved.Version, stored.Version);
        var created = await server.InDbAsync(db => db.Establishments.AsNoTracking().SingleAsync(e => e.Siret == added));
        Assert.Equal((added[..9], "organisme eveil"), (created.Siren, created.NameKey));
        Assert.InRange(created.CreatedAt, before.AddMilliseconds(-1), server.Clock.GetUtcNow());
        var change = await server.InDbAsync(db => db.AuditEntries.SingleAsync(e => e.Event == AuditEvents.EstablishmentChanged
            && e.Subject == moved.Siret));
        Assert.Equal((_staff.AuditName, "192.0.2.8", "Formation Avant", "Formation Après",
            "nom : Formation Avant → Formation Après ; adresse : 1 rue A → 2 rue B ; code postal : 69001 → 69002"),
            (change.Actor, change.RemoteAddress, change.FromValue, change.ToValue, change.Detail));
        Assert.True(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Event == AuditEvents.EstablishmentsImported
            && e.Actor == _staff.AuditName && e.RemoteAddress == "192.0.2.8" && e.Detail == "1 added, 1 updated, 1 unchanged")));
        // Applied once: the upload went with it.
        Assert.Equal(ErrorCodes.StagedImportNotFound, (await ApplyAsync(id, preview.Fingerprint())).FailureCode);
    }

    [Fact]
    public async Task Apply_NeverDeletes_AnEstablishmentLeftOutOfTheFile_KeepsItAndItsAccess()
    {
        var left = await server.NewEstablishmentAsync();
        await server.HolderAsync(left, PortalSteps.UniqueEmail(), "Léa", "Martin", server.Clock.GetUtcNow());
        var id = (await StageAsync(Header + $"{Sirets.Unique()};Autre;;;\n")).Value;

        var applied = await ApplyAsync(id, (await PreviewAsync(id)).Value.Preview.Fingerprint());

        Assert.Equal(new EstablishmentsImport(1, 0, 0), applied.Value);
        Assert.True(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Id == left.Id)));
        Assert.True(await server.InDbAsync(db => db.EstablishmentAccesses.AnyAsync(a => a.EstablishmentId == left.Id)));
    }

    [Fact]
    public async Task Apply_EstablishmentsChangedSinceThePreview_AppliesNothing_TheNewPreviewCanBeApplied()
    {
        var existing = await server.NewEstablishmentAsync();
        var added = Sirets.Unique();
        var id = (await StageAsync(Header + $"{existing.Siret};Nom A;;;\n{added};Ajout;;;\n")).Value;
        var shown = (await PreviewAsync(id)).Value.Preview;
        await server.InDbAsync(db => db.Establishments.Where(e => e.Id == existing.Id).ExecuteUpdateAsync(set => set
            .SetProperty(e => e.Name, "Nom A").SetProperty(e => e.Address, "").SetProperty(e => e.PostalCode, "").SetProperty(e => e.City, "")));

        var stale = await ApplyAsync(id, shown.Fingerprint());
        var forged = await ApplyAsync(id, null);

        Assert.Equal(ErrorCodes.DirectoryChanged, stale.FailureCode);
        Assert.StartsWith("Les établissements ont changé depuis l'aperçu : rien n'a été appliqué.", stale.Errors[0].Message,
            StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.DirectoryChanged, forged.FailureCode);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == added)));
        Assert.False(await server.InDbAsync(db => db.AuditEntries.AnyAsync(e => e.Actor == _staff.AuditName)));
        var now = (await PreviewAsync(id)).Value.Preview;
        Assert.Equal((1, 0, 1), (now.Added.Count, now.Changed.Count, now.Unchanged));
        Assert.Equal(new EstablishmentsImport(1, 0, 1), (await ApplyAsync(id, now.Fingerprint())).Value);
    }

    [Fact]
    public async Task Upload_OfAnotherStaffMember_OrOlderThanAnHour_IsNotApplied()
    {
        var added = Sirets.Unique();
        var id = (await StageAsync(Header + $"{added};Ajout;;;\n")).Value;
        var fingerprint = (await PreviewAsync(id)).Value.Preview.Fingerprint();
        var other = StaffCaller.For("autre@guichet.test", null);

        var byOther = await server.UseAsync<ApplyEstablishmentImport, Result<EstablishmentsImport>>(u =>
            u.HandleAsync(id, fingerprint, other, default));
        var previewByOther = await server.UseAsync<PreviewEstablishmentImport, Result<StagedEstablishmentsPreview>>(u =>
            u.HandleAsync(id, other, default));
        await server.InDbAsync(db => db.StagedImports.Where(s => s.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, server.Clock.GetUtcNow().AddSeconds(-1))));
        var expired = await ApplyAsync(id, fingerprint);

        Assert.Equal(ErrorCodes.StagedImportNotFound, byOther.FailureCode);
        Assert.Equal(ErrorCodes.StagedImportNotFound, previewByOther.FailureCode);
        Assert.Equal(ErrorCodes.StagedImportExpired, expired.FailureCode);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == added)));
    }

    [Fact]
    public async Task Upload_IsNeitherPreviewedNorApplied_AsAMemberDirectory_NorTheOtherWay()
    {
        var establishments = (await StageAsync(Header + $"{Sirets.Unique()};Ajout;;;\n")).Value;
        var members = (await server.UseAsync<StageMemberDirectoryImport, Result<Guid>>(u => u.HandleAsync("annuaire.csv",
            Encoding.UTF8.GetBytes($"{Sirens.Unique()};ADH;Société\n"), _staff, "fichier", default))).Value;

        var asMembers = await server.UseAsync<ApplyMemberDirectoryImport, Result<DirectoryImport>>(u =>
            u.HandleAsync(establishments, "x", _staff, default));
        var asEstablishments = await ApplyAsync(members, "x");

        Assert.Equal(ErrorCodes.StagedImportNotFound, asMembers.FailureCode);
        Assert.Equal(ErrorCodes.StagedImportNotFound, asEstablishments.FailureCode);
        Assert.True((await PreviewAsync(establishments)).Succeeded);
    }

    [Theory]
    [InlineData("etablissements.xlsx", "ok", ErrorCodes.UnsupportedMediaType, "Le fichier doit être un fichier CSV (extension .csv ou .txt).")]
    [InlineData("etablissements.csv", "", ErrorCodes.InvalidFile, "Le fichier est vide.")]
    [InlineData("etablissements.csv", "latin1", ErrorCodes.InvalidFile, "Le fichier n'est pas un texte en UTF-8")]
    [InlineData("etablissements.csv", "large", ErrorCodes.FileTooLarge, "Le fichier dépasse 5 Mo")]
    [InlineData("etablissements.csv", "header", ErrorCodes.InvalidFile, "Le fichier ne contient aucun établissement.")]
    [InlineData("etablissements.csv", "no header", ErrorCodes.InvalidFile,
        "La première ligne doit être l'en-tête « siret;nom;adresse;code_postal;ville ».")]
    [InlineData("etablissements.csv", "other header", ErrorCodes.InvalidFile,
        "La première ligne doit être l'en-tête « siret;nom;adresse;code_postal;ville ».")]
    [InlineData("etablissements.csv", "commas", ErrorCodes.InvalidFile, "Les colonnes doivent être séparées par des points-virgules")]
    [InlineData("etablissements.csv", "tabs", ErrorCodes.InvalidFile, "Les colonnes doivent être séparées par des points-virgules")]
    public async Task Upload_WrongFile_IsRefusedUnderTheFileField_NothingStaged(string name, string content, string code, string message)
    {
        var siret = Sirets.Unique();
        var bytes = content switch
        {
            "ok" => Encoding.UTF8.GetBytes(Header + $"{siret};Bon;;;\n"),
            "latin1" => Encoding.Latin1.GetBytes(Header + $"{siret};Société;;;\n"),
            "large" => new byte[CsvUpload.MaxBytes + 1],
            "header" => Encoding.UTF8.GetBytes(Header),
            "no header" => Encoding.UTF8.GetBytes($"{siret};Bon;;;\n"),
            "other header" => Encoding.UTF8.GetBytes($"siret;nom;adresse;ville;code_postal\n{siret};Bon;;;\n"),
            "commas" => Encoding.UTF8.GetBytes($"siret,nom,adresse,code_postal,ville\n{siret},Bon,,,\n"),
            "tabs" => Encoding.UTF8.GetBytes($"siret\tnom\tadresse\tcode_postal\tville\n{siret}\tBon\t\t\t\n"),
            _ => Encoding.UTF8.GetBytes(content),
        };

        var result = await server.UseAsync<StageEstablishmentImport, Result<Guid>>(u => u.HandleAsync(name, bytes, _staff, "fichier", default));

        Assert.Equal(code, result.FailureCode);
        Assert.StartsWith(message, Assert.Single(result.Errors, e => e.Field == "fichier").Message, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.StagedImports.AnyAsync(s => s.StagedBy == _staff.AuditName)));
    }

    [Fact]
    public async Task Upload_HeaderInAnyCase_WithAByteOrderMark_IsAccepted()
    {
        var result = await StageAsync($"\uFEFFSIRET ; Nom;Adresse;Code_Postal;VILLE\n{Sirets.Unique()};Bon;;;\n");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task Upload_NoFile_SaysChooseOne()
    {
        var result = await server.UseAsync<StageEstablishmentImport, Result<Guid>>(u => u.HandleAsync(null, null, _staff, "fichier", default));

        Assert.Equal((ErrorCodes.Required, "Choisissez le fichier CSV des établissements.", "fichier"),
            (result.FailureCode, result.Errors[0].Message, result.Errors[0].Field));
    }

    /// <summary>Each rule of an establishment's line, the second line of the file: its code and message, at its number.</summary>
    [Theory]
    [InlineData("{siret}1;Nom;;;", ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.")]
    [InlineData("{bad-key};Nom;;;", ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.")]
    [InlineData("{siren};Nom;;;", ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.")]
    [InlineData(";Nom;;;", ErrorCodes.Required, "Le SIRET est obligatoire.")]
    [InlineData("{siret};;1 rue A;75001;Paris", ErrorCodes.Required, "Le nom de l'établissement est obligatoire.")]
    [InlineData("{siret};{201};;;", ErrorCodes.TooLong, "Le nom ne peut dépasser 200 caractères.")]
    [InlineData("{siret};Nom;{251};;", ErrorCodes.TooLong, "L'adresse ne peut dépasser 250 caractères.")]
    [InlineData("{siret};Nom;;;{101}", ErrorCodes.TooLong, "La ville ne peut dépasser 100 caractères.")]
    [InlineData("{siret};Nom;;7500;Paris", ErrorCodes.InvalidPostalCode, "Le code postal doit comporter 5 chiffres.")]
    [InlineData("{siret};Nom;;ABCDE;Paris", ErrorCodes.InvalidPostalCode, "Le code postal doit comporter 5 chiffres.")]
    [InlineData("{siret};Nom;;75001", ErrorCodes.InvalidFile, "5 colonnes attendues (siret;nom;adresse;code_postal;ville), 4 trouvée(s)")]
    [InlineData("{siret};Nom;1;rue A;75001;Paris", ErrorCodes.InvalidFile,
        "5 colonnes attendues (siret;nom;adresse;code_postal;ville), 6 trouvée(s)")]
    public async Task Upload_ALineBreakingARule_IsRefusedAtItsNumber_NothingStaged(string line, string code, string message)
    {
        var siret = Sirets.Unique();
        var badKey = siret[..13] + (char)('0' + (siret[13] - '0' + 1) % 10);
        var text = line.Replace("{siret}", siret, StringComparison.Ordinal).Replace("{bad-key}", badKey, StringComparison.Ordinal)
            .Replace("{siren}", siret[..9], StringComparison.Ordinal).Replace("{201}", new string('n', 201), StringComparison.Ordinal)
            .Replace("{251}", new string('a', 251), StringComparison.Ordinal).Replace("{101}", new string('v', 101), StringComparison.Ordinal);

        var result = await StageAsync(Header + text + "\n");

        Assert.Equal(ErrorCodes.InvalidFile, result.FailureCode);
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, "ligne 2"), (error.Code, error.Field));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.StagedImports.AnyAsync(s => s.StagedBy == _staff.AuditName)));
    }

    [Fact]
    public async Task Upload_TheLongestFields_AndAnEmptyAddress_AreAccepted()
    {
        var siret = Sirets.Unique();

        var result = await StageAsync(Header + $"{siret};{new string('n', 200)};{new string('a', 250)};75001;{new string('v', 100)}\n"
            + $"{Sirets.Unique()};Sans adresse;;;\n");

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Fact]
    public async Task Upload_ALaPosteSiret_WhoseKeyIsNotLuhns_IsAccepted_AndImported()
    {
        var siret = Sirets.LaPoste();

        var imported = await ImportAsync(Header + $"{siret};La Poste Formation;;;\n");

        Assert.True(imported.Succeeded, string.Join(" ", imported.Errors));
        Assert.True(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == siret && e.Siren == "356000000")));
    }

    [Fact]
    public async Task Upload_TheSameSiretTwice_EvenSpacedDifferently_IsRefusedAtTheSecondLine()
    {
        var siret = Sirets.Unique();

        var result = await StageAsync(Header + $"{siret};Un;;;\n{Sirets.Unique()};Deux;;;\n{Sirets.Spaced(siret)};Trois;;;\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal((ErrorCodes.AlreadyExists, "ligne 4", $"Le SIRET {siret} figure déjà à la ligne 2."),
            (error.Code, error.Field, error.Message));
    }

    [Fact]
    public async Task Upload_BadLines_EveryErrorOfEveryLineWithItsNumber()
    {
        var result = await StageAsync(Header + $"{Sirets.Unique()};Bon;;;\n123;;;;\n{Sirets.Unique()};Bon;;7500;\nseulement;deux\n");

        Assert.Equal(ErrorCodes.InvalidFile, result.FailureCode);
        Assert.Equal(["ligne 3", "ligne 3", "ligne 4", "ligne 5"], result.Errors.Select(e => e.Field));
        Assert.Equal([ErrorCodes.InvalidSiret, ErrorCodes.Required, ErrorCodes.InvalidPostalCode, ErrorCodes.InvalidFile],
            result.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task Import_OneBadLine_WritesNothing_NotEvenTheGoodLines()
    {
        var existing = await server.NewEstablishmentAsync("Inchangé");
        var good = Sirets.Unique();

        var refused = await ImportAsync(Header + $"{good};Bon;;;\n{existing.Siret};Renommé;;;\n{Sirets.Unique()};Bon;;1;\n");

        Assert.Equal(ErrorCodes.InvalidFile, refused.FailureCode);
        Assert.Equal("ligne 4", Assert.Single(refused.Errors).Field);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == good)));
        Assert.Equal("Inchangé", await server.InDbAsync(db => db.Establishments.Where(e => e.Id == existing.Id).Select(e => e.Name).SingleAsync()));
    }

    [Fact]
    public async Task Import_Latin1_IsRefused_ASThe_Upload_Is()
    {
        var siret = Sirets.Unique();

        var refused = await ImportAsync(Encoding.Latin1.GetBytes(Header + $"{siret};Société;;;\n"));

        Assert.Equal(ErrorCodes.InvalidFile, refused.FailureCode);
        Assert.False(await server.InDbAsync(db => db.Establishments.AnyAsync(e => e.Siret == siret)));
    }

    private Task<Result<Guid>> StageAsync(string csv) => server.UseAsync<StageEstablishmentImport, Result<Guid>>(u =>
        u.HandleAsync("etablissements.csv", Encoding.UTF8.GetBytes(csv), _staff, "fichier", default));

    private Task<Result<StagedEstablishmentsPreview>> PreviewAsync(Guid id) =>
        server.UseAsync<PreviewEstablishmentImport, Result<StagedEstablishmentsPreview>>(u => u.HandleAsync(id, _staff, default));

    private Task<Result<EstablishmentsImport>> ApplyAsync(Guid id, string? fingerprint) =>
        server.UseAsync<ApplyEstablishmentImport, Result<EstablishmentsImport>>(u => u.HandleAsync(id, fingerprint, _staff, default));

    private Task<Result<EstablishmentsImport>> ImportAsync(string csv) => ImportAsync(Encoding.UTF8.GetBytes(csv));

    private Task<Result<EstablishmentsImport>> ImportAsync(byte[] content) =>
        server.UseAsync<ImportEstablishments, Result<EstablishmentsImport>>(u => u.HandleAsync(content, "operator", default));
}

public sealed class EstablishmentImportTestsOnSqlite(SqliteServerFixture server) : EstablishmentImportTests(server),
    IClassFixture<SqliteServerFixture>;

public sealed class EstablishmentImportTestsOnPostgres(PostgresServerFixture server) : EstablishmentImportTests(server),
    IClassFixture<PostgresServerFixture>;
