namespace Guichet.Domain.WhiteLabels;

/// <summary>
/// One field of the registration forms whose presentation a white label sets (§2.3.2, §3.3.3): a stable key, the seed's
/// label, the longest value it takes (§2.3.1, §3.3.2), and whether the seed makes it mandatory.
/// </summary>
public sealed record PresentableField(string Key, string Label, int MaxLength, bool Mandatory = false);

/// <summary>
/// The fields of §2.3.1 (primary) and §3.3.2 (secondary) in the seed's order, with the seed's own labels; a field found
/// in one table only applies to that form. Repeated labels (the RGPD contact's "Nom"…) carry their section.
/// </summary>
public static class PresentableFields
{
    public static IReadOnlyList<PresentableField> All { get; } =
    [
        new("accountName", "Nom du compte", 15, Mandatory: true),
        new("corporateOfficerName", "Nom du mandataire social", 40),
        new("ediPartnerNumber", "Numéro Partenaire EDI (PED)", 7),
        new("siret", "N° de SIRET", 14),
        new("companyName", "Raison sociale", 35),
        new("secondaryAccountCount", "Nombre de comptes secondaires", 3, Mandatory: true),
        new("address", "Adresse postale", 35, Mandatory: true),
        new("addressComplement", "Complément Adresse", 35),
        new("poBox", "Boîte postale", 10),
        new("city", "Ville", 35, Mandatory: true),
        new("postalCode", "Code postal", 17, Mandatory: true),
        new("country", "Pays", 2, Mandatory: true),
        new("test", "Test", 5),
        new("category", "Catégorie", 17, Mandatory: true),
        new("orderNumber", "N° d'inscription à l'ordre", 12),
        new("taxNumber", "Numéro fiscal", 13),
        new("alertProfile", "Profil alerte", 20),
        new("mailbox", "Boîte mail (compte secondaire)", 5),
        new("managerCivility", "Civilité responsable", 4, Mandatory: true),
        new("managerLastName", "Nom responsable", 35, Mandatory: true),
        new("managerFirstName", "Prénom responsable", 35, Mandatory: true),
        new("managerEmail", "Adresse mail", 250, Mandatory: true),
        new("managerPhone", "Téléphone", 15, Mandatory: true),
        new("managerFax", "Fax", 15),
        new("teleprocedures", "Télé-procédures", 200, Mandatory: true),
        new("technicalName", "Nom technique", 35),
        new("technicalEmail", "Adresse mail technique", 250),
        new("technicalPhone", "Téléphone technique", 15),
        new("administrativeName", "Nom administratif", 35),
        new("administrativeEmail", "Adresse mail administratif", 250),
        new("administrativePhone", "Téléphone administratif", 15),
        new("dataProtectionLastName", "Nom (responsable RGPD)", 35, Mandatory: true),
        new("dataProtectionFirstName", "Prénom (responsable RGPD)", 35, Mandatory: true),
        new("dataProtectionFunction", "Fonction (responsable RGPD)", 35, Mandatory: true),
        new("dataProtectionPhone", "Téléphone (responsable RGPD)", 15, Mandatory: true),
        new("dataProtectionEmail", "Adresse mail (responsable RGPD)", 250, Mandatory: true),
        new("billingAddress", "Adresse postale (facturation)", 35),
        new("billingAddressComplement", "Complément Adresse (facturation)", 35),
        new("billingPoBox", "Boîte postale (facturation)", 10),
        new("billingCity", "Ville (facturation)", 35),
        new("billingPostalCode", "Code postal (facturation)", 17),
        new("billingCountry", "Pays (facturation)", 2),
        new("billingStartDate", "Date de début de facturation", 10),
        new("vatNumber", "N° TVA intracommunautaire", 12),
    ];

    public static PresentableField? Find(string key) => All.FirstOrDefault(f => f.Key == key);
}
