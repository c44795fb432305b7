using Guichet.Domain.Accounts;

namespace Guichet.Domain.Partners;

/// <summary>
/// An establishment (établissement) of a training body, known by its SIRET. The establishments sharing a SIREN form one
/// training body (organisme de formation); staff open a person's access establishment by establishment.
/// </summary>
public sealed class Establishment
{
    public const int MaxNameLength = 200;
    public const int MaxNameKeyLength = 2 * MaxNameLength;
    public const int MaxAddressLength = 250;
    public const int MaxPostalCodeLength = 10;
    public const int MaxCityLength = 100;

    private string _name = string.Empty;
    private string _siret = string.Empty;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>14 digits, checked (Luhn, or the La Poste rule); unique.</summary>
    public required string Siret
    {
        get => _siret;
        set
        {
            _siret = value;
            Siren = value.Length >= 9 ? value[..9] : value;
        }
    }

    /// <summary>The training body: the SIRET's first nine digits, kept for grouping and searching.</summary>
    public string Siren { get; private set; } = string.Empty;

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            NameKey = SearchKeys.Text(value) is { } key ? (key.Length > MaxNameKeyLength ? key[..MaxNameKeyLength].TrimEnd() : key) : string.Empty;
        }
    }

    /// <summary>The name as the back office searches it by prefix (<see cref="SearchKeys.Text"/>).</summary>
    public string NameKey { get; private set; } = string.Empty;

    /// <summary>Street line(s); may be empty when staff created the establishment with its name only.</summary>
    public string Address { get; set; } = string.Empty;

    public string PostalCode { get; set; } = string.Empty;

    public string City { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Changes with every import that changes the line: of two concurrent changes the second fails.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>"12 rue de la Paix, 75002 Paris", leaving out what is empty.</summary>
    public static string PostalAddress(string address, string postalCode, string city) =>
        string.Join(", ", new[] { address.Trim(), $"{postalCode.Trim()} {city.Trim()}".Trim() }.Where(part => part.Length > 0));
}
