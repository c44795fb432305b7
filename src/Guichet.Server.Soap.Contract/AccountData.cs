namespace Guichet.Server.Soap.Contract;

/// <summary>
/// The registration file as integrators send it: every field of seed 004 §2.3.1 and §3.3.2 that both kinds share.
/// Strings stay strings so that a wrong value comes back as a field error. In a modification (§4.3), a missing element
/// leaves the field unchanged, an empty one clears an optional field, and a list replaces the stored one.
/// </summary>
public abstract class AccountData
{
    /// <summary>Primary: the account name (≤15, the white label's prefix included). Secondary: its name (≤15).
    /// In a modification: the final login of the account to modify.</summary>
    public string? AccountName { get; set; }

    /// <summary>Nom du mandataire social (≤40).</summary>
    public string? CorporateOfficerName { get; set; }

    /// <summary>PED, 7 digits; the white label's (a secondary: its primary's) when empty.</summary>
    public string? EdiPartnerNumber { get; set; }

    /// <summary>14 digits with valid keys; not for PERSONNAL.</summary>
    public string? Siret { get; set; }

    /// <summary>Raison sociale (≤35).</summary>
    public string? CompanyName { get; set; }

    public PostalAddress? Address { get; set; }

    /// <summary>A test account; defaults to the white label's environment. Not modifiable.</summary>
    public bool? Test { get; set; }

    /// <summary>13-digit tax number, for PERSONNAL accounts.</summary>
    public string? TaxNumber { get; set; }

    /// <summary>10 to 20 characters with upper, lower, digit and special; generated (12 characters) when empty.</summary>
    public string? Password { get; set; }

    public string? AlertProfile { get; set; }

    public AccountManager? Manager { get; set; }

    /// <summary>At least one.</summary>
    public List<Teleprocedure>? Teleprocedures { get; set; }

    /// <summary>Required when DSN is subscribed.</summary>
    public DsnSettings? Dsn { get; set; }

    /// <summary>Required when DPAE is subscribed.</summary>
    public DpaeSettings? Dpae { get; set; }

    public Contact? TechnicalContact { get; set; }

    public Contact? AdministrativeContact { get; set; }

    public GdprContact? GdprContact { get; set; }
}

/// <summary>Seed 004 §2.3.1 (registration) and §4.3.1 (modification).</summary>
public sealed class PrimaryAccountData : AccountData
{
    /// <summary>How many secondaries this primary may open (≤150 and the white label's maximum).</summary>
    public string? SecondaryAccountCount { get; set; }

    /// <summary>Not modifiable.</summary>
    public AccountCategory? Category { get; set; }

    /// <summary>Registration number with the chartered accountants' order, for PUBLIC_ACCOUNTANT and OGA.</summary>
    public string? OrderNumber { get; set; }

    public BillingInfo? Billing { get; set; }
}

/// <summary>Seed 004 §3.3.2 (registration) and §4.3.2 (modification).</summary>
public sealed class SecondaryAccountData : AccountData
{
    /// <summary>Whether a mailbox is created; the white label's default when missing.</summary>
    public bool? Mailbox { get; set; }
}

public sealed class PostalAddress
{
    public string? Street { get; set; }

    public string? Complement { get; set; }

    public string? PostBox { get; set; }

    public string? City { get; set; }

    /// <summary>5 digits when the country is FR.</summary>
    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public string? Country { get; set; }
}

public sealed class AccountManager
{
    public Civility? Civility { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    public string? Email { get; set; }

    /// <summary>8 to 15 digits; spaces, dots and dashes are accepted.</summary>
    public string? Phone { get; set; }

    public string? Fax { get; set; }
}

public sealed class Contact
{
    public string? Name { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }
}

public sealed class GdprContact
{
    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>DSN settings (the account at Net-Entreprises).</summary>
public sealed class DsnSettings
{
    public string? Siret { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    /// <summary>envoiFicheParametrage.</summary>
    public bool? SendSettingsSheet { get; set; }

    /// <summary>envoiFicheBpij.</summary>
    public bool? SendBpijSheet { get; set; }
}

/// <summary>DPAE settings (the account at the URSSAF).</summary>
public sealed class DpaeSettings
{
    public string? Siret { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }
}

public sealed class BillingInfo
{
    public PostalAddress? Address { get; set; }

    /// <summary>yyyy-MM-dd, not after today in Europe/Paris. Not modifiable.</summary>
    public string? StartDate { get; set; }

    /// <summary>Intra-community VAT number with its country prefix (e.g. FR40303265045).</summary>
    public string? VatNumber { get; set; }
}
