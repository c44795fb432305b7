using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Guichet.Domain.Common;
using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>Collects field errors with the seed's length/type controls; one method per kind of control.</summary>
internal sealed class FieldChecks
{
    public List<Error> Errors { get; } = [];

    public void Add(string field, string code, string message) => Errors.Add(new Error(code, message, field));

    /// <summary>Null and blank count as absent.</summary>
    public static bool IsAbsent([NotNullWhen(false)] string? value) => string.IsNullOrWhiteSpace(value);

    public bool Require(string field, string? value)
    {
        if (!IsAbsent(value))
        {
            return true;
        }

        Add(field, ErrorCodes.Required, "Ce champ est obligatoire.");
        return false;
    }

    public void RequireValue<T>(string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            Add(field, ErrorCodes.Required, "Ce champ est obligatoire.");
        }
    }

    public void Text(string field, string? value, int max, bool required = false)
    {
        if (IsAbsent(value))
        {
            if (required)
            {
                Require(field, value);
            }

            return;
        }

        if (value!.Length > max)
        {
            Add(field, ErrorCodes.TooLong, $"{max} caractères au plus.");
        }
    }

    /// <summary>A numeric field of the seed (type N): digits only, of an exact length or up to a maximum.</summary>
    public bool Digits(string field, string? value, int minLength, int maxLength, bool required = false)
    {
        if (IsAbsent(value))
        {
            return !required || Require(field, value);
        }

        if (!value!.All(char.IsAsciiDigit))
        {
            Add(field, ErrorCodes.NotNumeric, "Seuls des chiffres sont acceptés.");
            return false;
        }

        if (value.Length < minLength || value.Length > maxLength)
        {
            Add(field, ErrorCodes.InvalidLength, minLength == maxLength
                ? $"{minLength} chiffres exactement."
                : $"De {minLength} à {maxLength} chiffres.");
            return false;
        }

        return true;
    }

    public void Siret(string field, string? value, bool required)
    {
        if (IsAbsent(value))
        {
            if (required)
            {
                Require(field, value);
            }

            return;
        }

        if (!Identifiers.Siret.IsValid(value))
        {
            Add(field, ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.");
        }
    }

    public void Email(string field, string? value, bool required)
    {
        Text(field, value, 250, required);
        if (!IsAbsent(value) && value!.Length <= 250 && !EmailAddress.IsValid(value))
        {
            Add(field, ErrorCodes.InvalidEmail, "Adresse électronique invalide.");
        }
    }

    /// <summary>Phone and fax: 8 to 15 digits, an optional leading '+', groups separated by a space, dot or dash.</summary>
    public void Phone(string field, string? value, bool required)
    {
        if (IsAbsent(value))
        {
            if (required)
            {
                Require(field, value);
            }

            return;
        }

        if (!PhoneNumber.IsValid(value))
        {
            Add(field, ErrorCodes.InvalidPhone,
                "Numéro de téléphone invalide : 8 à 15 chiffres, « + » initial permis, "
                + "groupes séparés par une espace, un point ou un tiret.");
        }
    }

    public void Country(string field, string? value, bool required)
    {
        if (IsAbsent(value))
        {
            if (required)
            {
                Require(field, value);
            }

            return;
        }

        if (!Countries.IsIsoAlpha2(value))
        {
            Add(field, ErrorCodes.InvalidCountry, "Code pays ISO 3166-1 alpha-2 attendu (par exemple FR).");
        }
    }

    /// <summary>Addresses of §2.3.1: street, city, postal code and country are required for the account's own address.</summary>
    public void Address(string field, PostalAddress? address, bool required)
    {
        if (address is null)
        {
            if (required)
            {
                Add(field, ErrorCodes.Required, "Ce champ est obligatoire.");
            }

            return;
        }

        Text($"{field}.Street", address.Street, 35, required);
        Text($"{field}.Complement", address.Complement, 35);
        Text($"{field}.PostBox", address.PostBox, 10);
        Text($"{field}.City", address.City, 35, required);
        Country($"{field}.Country", address.Country, required);
        Text($"{field}.PostalCode", address.PostalCode, 17, required);
        if (!IsAbsent(address.PostalCode) && address.PostalCode!.Length <= 17
            && !PostalCode.IsValid(address.PostalCode, address.Country ?? string.Empty))
        {
            Add($"{field}.PostalCode", ErrorCodes.InvalidPostalCode, address.Country == "FR"
                ? "En France, le code postal comporte 5 chiffres."
                : "Code postal invalide.");
        }
    }

    public void Date(string field, string? value, DateOnly notAfter)
    {
        if (IsAbsent(value))
        {
            return;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Add(field, ErrorCodes.InvalidDate, "Date attendue au format AAAA-MM-JJ.");
        }
        else if (date > notAfter)
        {
            Add(field, ErrorCodes.DateInFuture, "La date ne doit pas se situer dans le futur.");
        }
    }

    /// <summary>An empty password is no password: one is generated at registration (§2.4), none is changed in a modification.</summary>
    public void Password(string field, string? value, PasswordPolicy policy)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Errors.AddRange(AccountPasswords.Check(value, policy, field));
        }
    }
}
