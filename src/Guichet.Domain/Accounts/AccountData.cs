using System.Text.Json.Serialization;
using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>
/// The registration file of an account: every field of seed 004 §2.3.1 and §3.3.2 that both kinds share.
/// It is what validation reads and what is stored; the SOAP contract has its own copy (Guichet.Server.Soap.Contract), mapped in one place.
/// Strings stay strings until validated, so that a wrong value is reported as a field error, not lost in parsing.
/// In a modification, a null member means "unchanged" and an empty string clears an optional field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$kind")]
[JsonDerivedType(typeof(PrimaryAccountData), "primary")]
[JsonDerivedType(typeof(SecondaryAccountData), "secondary")]
public abstract class AccountData
{
    /// <summary>§2.3.1 "Raison sociale": 35 characters at most (the field check and the search column).</summary>
    public const int MaxCompanyNameLength = 35;

    /// <summary>Login (primary, ≤15) or the name prefix of a secondary's login (≤15).</summary>
    public string? AccountName { get; set; }

    public string? CorporateOfficerName { get; set; }

    /// <summary>EDI partner number (PED), 7 digits; the white label's when empty.</summary>
    public string? EdiPartnerNumber { get; set; }

    public string? Siret { get; set; }

    public string? CompanyName { get; set; }

    public PostalAddress? Address { get; set; }

    /// <summary>True for a test account; defaults to the white label's environment.</summary>
    public bool? Test { get; set; }

    /// <summary>13-digit tax number, for PERSONNAL accounts.</summary>
    public string? TaxNumber { get; set; }

    /// <summary>In requests only: never stored (the hash is kept on the account).</summary>
    [JsonIgnore]
    public string? Password { get; set; }

    public string? AlertProfile { get; set; }

    public AccountManager? Manager { get; set; }

    public List<Teleprocedure>? Teleprocedures { get; set; }

    public DsnSettings? Dsn { get; set; }

    public DpaeSettings? Dpae { get; set; }

    public Contact? TechnicalContact { get; set; }

    public Contact? AdministrativeContact { get; set; }

    public GdprContact? GdprContact { get; set; }

    /// <summary>Puts every phone and fax number in its stored form (<see cref="PhoneNumber.Normalize"/>); for a valid file.</summary>
    public void NormalizePhoneNumbers()
    {
        if (Manager is not null)
        {
            Manager.Phone = Normalized(Manager.Phone);
            Manager.Fax = Normalized(Manager.Fax);
        }

        if (TechnicalContact is not null)
        {
            TechnicalContact.Phone = Normalized(TechnicalContact.Phone);
        }

        if (AdministrativeContact is not null)
        {
            AdministrativeContact.Phone = Normalized(AdministrativeContact.Phone);
        }

        if (GdprContact is not null)
        {
            GdprContact.Phone = Normalized(GdprContact.Phone);
        }

        static string? Normalized(string? phone) => PhoneNumber.Normalize(phone) ?? phone;
    }
}

/// <summary>Seed 004 §2.3.1.</summary>
public sealed class PrimaryAccountData : AccountData
{
    /// <summary>How many secondaries this primary may open, up to the white label's maximum.</summary>
    public string? SecondaryAccountCount { get; set; }

    public AccountCategory? Category { get; set; }

    /// <summary>Registration number with the chartered accountants' order, for PUBLIC_ACCOUNTANT and OGA.</summary>
    public string? OrderNumber { get; set; }

    public BillingInfo? Billing { get; set; }
}

/// <summary>Seed 004 §3.3.2.</summary>
public sealed class SecondaryAccountData : AccountData
{
    /// <summary>Whether a mailbox is created; the white label's default when null.</summary>
    public bool? Mailbox { get; set; }
}

public sealed class PostalAddress
{
    public string? Street { get; set; }

    public string? Complement { get; set; }

    public string? PostBox { get; set; }

    public string? City { get; set; }

    public string? PostalCode { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }
}

public sealed class AccountManager
{
    public Civility? Civility { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }

    public string? Email { get; set; }

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

/// <summary>DSN settings, required when DSN is subscribed (the account at Net-Entreprises).</summary>
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

/// <summary>DPAE settings, required when DPAE is subscribed (the account at the URSSAF).</summary>
public sealed class DpaeSettings
{
    public string? Siret { get; set; }

    public string? LastName { get; set; }

    public string? FirstName { get; set; }
}

public sealed class BillingInfo
{
    public PostalAddress? Address { get; set; }

    /// <summary>yyyy-MM-dd, not in the future.</summary>
    public string? StartDate { get; set; }

    /// <summary>Intra-community VAT number, with its country prefix.</summary>
    public string? VatNumber { get; set; }
}
