using Guichet.Domain.Common;
using Guichet.Domain.Partners;
using Guichet.Identifiers;

namespace Guichet.Application.Partners;

/// <summary>An establishment's fields as a form or a file line gives them.</summary>
public sealed record EstablishmentDetails(string? Siret, string? Name, string? Address, string? PostalCode, string? City);

/// <summary>
/// The one check of an establishment's fields, for the CSV import and for staff creating one while granting: SIRET
/// (Luhn, or the La Poste rule), a name, and an optional address whose postal code, when given, is French.
/// </summary>
public static class EstablishmentFields
{
    /// <summary>Digits only: "362 521 879 00034" and "36252187900034" are the same SIRET.</summary>
    public static string NormalizeSiret(string? value) => TypedIdentifier.Compact(value);

    /// <summary>Adds the SIRET's error, if any, under <paramref name="field"/>; returns the normalized SIRET.</summary>
    public static string Siret(List<Error> errors, string? value, string field)
    {
        var siret = NormalizeSiret(value);
        if (siret.Length == 0)
        {
            errors.Add(PartnerErrors.SiretRequired(field));
        }
        else if (!Identifiers.Siret.IsValid(siret))
        {
            errors.Add(PartnerErrors.SiretInvalid(field));
        }

        return siret;
    }

    /// <summary>
    /// Every error of the details (fields named by <paramref name="prefix"/> + the record's property); the trimmed
    /// details when there is none.
    /// </summary>
    public static EstablishmentDetails? Check(List<Error> errors, EstablishmentDetails details, string prefix = "")
    {
        var before = errors.Count;
        var siret = Siret(errors, details.Siret, prefix + nameof(details.Siret));
        var name = details.Name?.Trim() ?? string.Empty;
        if (name.Length == 0)
        {
            errors.Add(PartnerErrors.NameRequired(prefix + nameof(details.Name)));
        }

        Length(errors, name, Establishment.MaxNameLength, prefix + nameof(details.Name), "Le nom");
        var address = details.Address?.Trim() ?? string.Empty;
        Length(errors, address, Establishment.MaxAddressLength, prefix + nameof(details.Address), "L'adresse");
        var postalCode = details.PostalCode?.Trim() ?? string.Empty;
        if (postalCode.Length > 0 && !PostalCode.IsValid(postalCode, "FR"))
        {
            errors.Add(PartnerErrors.PostalCodeInvalid(prefix + nameof(details.PostalCode)));
        }

        var city = details.City?.Trim() ?? string.Empty;
        Length(errors, city, Establishment.MaxCityLength, prefix + nameof(details.City), "La ville");
        return errors.Count > before ? null : new EstablishmentDetails(siret, name, address, postalCode, city);
    }

    private static void Length(List<Error> errors, string value, int max, string field, string what)
    {
        if (value.Length > max)
        {
            errors.Add(PartnerErrors.TooLong(field, what, max));
        }
    }
}
