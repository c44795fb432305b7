namespace Guichet.Domain.Accounts;

/// <summary>One field of a registration file as the back office shows it: the seed's French label and the value, null when absent.</summary>
public sealed record FileField(string Label, string? Value);

/// <summary>A group of fields under the seed's heading ("Infos générales", …).</summary>
public sealed record FileSection(string Title, IReadOnlyList<FileField> Fields);

/// <summary>
/// Every field of a registration file in the order and with the labels of seed 004's tables: §2.3.1 for a primary,
/// §3.3.2 for a secondary (whose category is forced to its primary's, §3.3.1, and shown with the account, not here).
/// The password is never stored, so never shown. Where the seed's label is the wire name (DSN and DPAE "Name",
/// "FirstName", "envoiFicheParametrage"…), the label is its French meaning. Empty values are null: the page shows them absent.
/// </summary>
public static class RegistrationFileLayout
{
    public static IReadOnlyList<FileSection> Sections(AccountData data) =>
        [.. Raw(data).Select(section => section with { Fields = [.. section.Fields.Select(Absent)] })];

    private static FileField Absent(FileField field) => string.IsNullOrWhiteSpace(field.Value) ? field with { Value = null } : field;

    private static IReadOnlyList<FileSection> Raw(AccountData data) => data switch
    {
        PrimaryAccountData primary =>
        [
            new("Infos générales",
            [
                new("Nom du compte", data.AccountName),
                new("Nom du mandataire social", data.CorporateOfficerName),
                new("Numéro Partenaire EDI (PED)", data.EdiPartnerNumber),
                new("N° de SIRET", data.Siret),
                new("Raison sociale", data.CompanyName),
                new("Nombre de comptes secondaires", primary.SecondaryAccountCount),
                .. Address(data.Address),
                new("Test", YesNo(data.Test)),
                new("Catégorie", primary.Category?.ToString()),
                new("N° d'inscription à l'ordre", primary.OrderNumber),
                new("Numéro fiscal", data.TaxNumber),
                new("Profil alerte", data.AlertProfile),
            ]),
            .. Common(data),
            new("Infos sur la Facturation",
            [
                .. Address(primary.Billing?.Address),
                new("Date de début de facturation", primary.Billing?.StartDate),
                new("N° TVA intracommunautaire", primary.Billing?.VatNumber),
            ]),
        ],
        SecondaryAccountData secondary =>
        [
            new("Infos générales",
            [
                new("Nom du compte", data.AccountName),
                new("Nom du mandataire social", data.CorporateOfficerName),
                new("Numéro Partenaire EDI (PED)", data.EdiPartnerNumber),
                new("N° de SIRET", data.Siret),
                new("Raison sociale", data.CompanyName),
                .. Address(data.Address),
                new("Numéro fiscal", data.TaxNumber),
                new("Test", YesNo(data.Test)),
                new("Profil alerte", data.AlertProfile),
                new("Boîte mail", YesNo(secondary.Mailbox)),
            ]),
            .. Common(data),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.GetType().Name, "Unknown kind of registration file."),
    };

    private static IEnumerable<FileSection> Common(AccountData data) =>
    [
        new("Infos Responsable du compte utilisateur",
        [
            new("Civilité responsable", data.Manager?.Civility?.ToString()),
            new("Nom responsable", data.Manager?.LastName),
            new("Prénom responsable", data.Manager?.FirstName),
            new("Adresse mail", data.Manager?.Email),
            new("Téléphone", data.Manager?.Phone),
            new("Fax", data.Manager?.Fax),
        ]),
        new("Abonnement aux téléprocédures", [new("Télé-procédures", Teleprocedures(data.Teleprocedures))]),
        new("Paramètres téléprocédure DSN",
        [
            new("SIRET", data.Dsn?.Siret),
            new("Nom", data.Dsn?.LastName),
            new("Prénom", data.Dsn?.FirstName),
            new("Envoi de la fiche de paramétrage", YesNo(data.Dsn?.SendSettingsSheet)),
            new("Envoi de la fiche BPIJ", YesNo(data.Dsn?.SendBpijSheet)),
        ]),
        new("Paramètres téléprocédure DPAE",
        [
            new("SIRET", data.Dpae?.Siret),
            new("Nom", data.Dpae?.LastName),
            new("Prénom", data.Dpae?.FirstName),
        ]),
        new("Infos Responsable Technique",
        [
            new("Nom technique", data.TechnicalContact?.Name),
            new("Adresse mail technique", data.TechnicalContact?.Email),
            new("Téléphone technique", data.TechnicalContact?.Phone),
        ]),
        new("Infos Responsable Administratif",
        [
            new("Nom administratif", data.AdministrativeContact?.Name),
            new("Adresse mail administratif", data.AdministrativeContact?.Email),
            new("Téléphone administratif", data.AdministrativeContact?.Phone),
        ]),
        new("Infos Responsable des données personnelles (RGPD)",
        [
            new("Nom", data.GdprContact?.LastName),
            new("Prénom", data.GdprContact?.FirstName),
            new("Fonction", data.GdprContact?.Function),
            new("Téléphone", data.GdprContact?.Phone),
            new("Adresse mail", data.GdprContact?.Email),
        ]),
    ];

    private static IEnumerable<FileField> Address(PostalAddress? address) =>
    [
        new("Adresse postale", address?.Street),
        new("Complément Adresse", address?.Complement),
        new("Boîte postale", address?.PostBox),
        new("Ville", address?.City),
        new("Code postal", address?.PostalCode),
        new("Pays", address?.Country),
    ];

    private static string? YesNo(bool? value) => value switch
    {
        true => "Oui",
        false => "Non",
        null => null,
    };

    /// <summary>The seed's spelling: DADS-U is the one name with a dash.</summary>
    private static string? Teleprocedures(List<Teleprocedure>? subscribed) => subscribed is { Count: > 0 }
        ? string.Join(", ", subscribed.Select(t => t == Teleprocedure.DADS_U ? "DADS-U" : t.ToString()))
        : null;
}
