using Guichet.Domain.Accounts;

namespace Guichet.Domain.Companies;

/// <summary>A member company of the directory (entreprise adhérente), known by SIREN and member code.</summary>
public sealed class Company
{
    public const int MaxMemberCodeLength = 40;
    public const int MaxNameLength = 200;

    /// <summary>A key of <see cref="SearchKeys.Text"/> may spell one character as two (œ → oe).</summary>
    public const int MaxNameKeyLength = 2 * MaxNameLength;
    public const int MaxMemberCodeKeyLength = 2 * MaxMemberCodeLength;

    private string _memberCode = string.Empty;
    private string _name = string.Empty;

    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Siren { get; set; }

    public required string MemberCode
    {
        get => _memberCode;
        set
        {
            _memberCode = value;
            MemberCodeKey = Key(value, MaxMemberCodeKeyLength);
        }
    }

    public required string Name
    {
        get => _name;
        set
        {
            _name = value;
            NameKey = Key(value, MaxNameKeyLength);
        }
    }

    /// <summary>The member code as the back office searches it (<see cref="SearchKeys.Text"/>): "adh-12" finds "ADH 12".</summary>
    public string? MemberCodeKey { get; private set; }

    /// <summary>The name as the back office searches it by prefix: case, accents and punctuation left out.</summary>
    public string? NameKey { get; private set; }

    /// <summary>
    /// Changes with every import that changes the company's line and with every appointment by staff: of two concurrent
    /// changes, the second fails instead of acting on what it did not see.
    /// </summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>Computes the keys again (of a row written before they existed).</summary>
    public void RefreshSearchKeys() => (MemberCodeKey, NameKey) = (Key(MemberCode, MaxMemberCodeKeyLength), Key(Name, MaxNameKeyLength));

    /// <summary>Empty, not null, for a value with no letter or digit: null is a row not yet indexed.</summary>
    private static string Key(string value, int length) =>
        SearchKeys.Text(value) is { } key ? (key.Length > length ? key[..length].TrimEnd() : key) : string.Empty;
}
