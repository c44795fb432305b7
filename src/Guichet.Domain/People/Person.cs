using Guichet.Domain.Accounts;

namespace Guichet.Domain.People;

/// <summary>Someone who signed up on the web portal with an email address (utilisateur du portail).</summary>
public sealed class Person
{
    public const int MaxNameLength = 100;

    /// <summary>A key of <see cref="SearchKeys.Text"/> may spell one character as two (œ → oe): two names and a blank.</summary>
    public const int MaxNameKeyLength = 4 * MaxNameLength + 1;

    private string _firstName = string.Empty;
    private string _lastName = string.Empty;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lower case, unique; also the login.</summary>
    public required string Email { get; set; }

    public required string FirstName
    {
        get => _firstName;
        set
        {
            _firstName = value;
            RefreshSearchKey();
        }
    }

    public required string LastName
    {
        get => _lastName;
        set
        {
            _lastName = value;
            RefreshSearchKey();
        }
    }

    /// <summary>
    /// "first name last name" as the back office searches it (<see cref="SearchKeys.Text"/>: case, accents and
    /// punctuation left out); empty for names with no letter or digit, null for a row written before the key existed.
    /// </summary>
    public string? NameKey { get; private set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset PasswordChangedAt { get; set; }

    /// <summary>Null until the validation link was followed; a person cannot log in before.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; set; }

    /// <summary>"Je suis expert comptable et/ou je souhaite uniquement déclarer mes contributions formation": decides which tools show.</summary>
    public bool ContributionsOnly { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where "Créer un compte" was filled in: the back office lists Partenaire sign-ups still waiting for access.</summary>
    public PortalSpace SignedUpIn { get; set; } = PortalSpace.Entreprise;

    /// <summary>Renewed when the password changes: every session issued before is refused.</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public Guid Version { get; set; } = Guid.NewGuid();

    public string DisplayName => DisplayNameOf(FirstName, LastName);

    /// <summary>An email as it is stored and looked up: trimmed, lower case.</summary>
    public static string NormalizeEmail(string? email) => email?.Trim().ToLowerInvariant() ?? string.Empty;

    /// <summary>How a person is named on pages and in emails, also for queries that read only the two names.</summary>
    public static string DisplayNameOf(string firstName, string lastName) => $"{firstName} {lastName}";

    /// <summary>Computes the key again (of a row written before it existed).</summary>
    public void RefreshSearchKey() => NameKey = SearchKeys.Text($"{_firstName} {_lastName}") is { } key
        ? (key.Length > MaxNameKeyLength ? key[..MaxNameKeyLength].TrimEnd() : key)
        : string.Empty;

    /// <summary>A new password signs the person out everywhere: the stamp every session carries is renewed.</summary>
    public void SetPassword(string passwordHash, DateTimeOffset at)
    {
        PasswordHash = passwordHash;
        PasswordChangedAt = at;
        SecurityStamp = Guid.NewGuid();
        Version = Guid.NewGuid();
    }
}
