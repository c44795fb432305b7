namespace Guichet.Domain.People;

/// <summary>Someone who signed up on the web portal with an email address (utilisateur du portail).</summary>
public sealed class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Lower case, unique; also the login.</summary>
    public required string Email { get; set; }

    public required string FirstName { get; set; }

    public required string LastName { get; set; }

    public required string PasswordHash { get; set; }

    public DateTimeOffset PasswordChangedAt { get; set; }

    /// <summary>Null until the validation link was followed; a person cannot log in before.</summary>
    public DateTimeOffset? EmailConfirmedAt { get; set; }

    /// <summary>"Je suis expert comptable et/ou je souhaite uniquement déclarer mes contributions formation": decides which tools show.</summary>
    public bool ContributionsOnly { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Renewed when the password changes: every session issued before is refused.</summary>
    public Guid SecurityStamp { get; set; } = Guid.NewGuid();

    public Guid Version { get; set; } = Guid.NewGuid();

    public string DisplayName => $"{FirstName} {LastName}";
}
