using System.Globalization;

namespace Guichet.Application.Partners;

/// <summary>An establishment already known whose name or address the file changes: as it is, and as the file has it.</summary>
public sealed record EstablishmentChange(EstablishmentValues Before, EstablishmentValues After);

/// <summary>
/// What an establishments file does to the establishments as they are now; nothing is written to compute it. There is
/// no "removed": an import never deletes an establishment (people may hold access to it).
/// </summary>
public sealed record EstablishmentsPreview(IReadOnlyList<EstablishmentValues> Added, IReadOnlyList<EstablishmentChange> Changed, int Unchanged)
{
    /// <summary>Equal for two previews that make the same changes: what the apply step compares with what was shown.</summary>
    public string Fingerprint() => Imports.Fingerprint.Of(
    [
        .. Added.Select(a => new[] { "+", a.Siret, a.Name, a.Address, a.PostalCode, a.City }),
        .. Changed.Select(c => new[]
        {
            "~", c.Before.Siret, c.Before.Name, c.Before.Address, c.Before.PostalCode, c.Before.City,
            c.After.Name, c.After.Address, c.After.PostalCode, c.After.City,
        }),
        ["=", Unchanged.ToString(CultureInfo.InvariantCulture)],
    ]);
}

/// <summary>An establishments import applied: its counts.</summary>
public sealed record EstablishmentsImport(int Added, int Updated, int Unchanged);
