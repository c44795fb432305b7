namespace Guichet.Application.People;

/// <summary>The sign-up form.</summary>
public sealed record SignUpRequest(
    string? Email,
    string? EmailConfirmation,
    string? Password,
    string? PasswordConfirmation,
    string? FirstName,
    string? LastName,
    bool ContributionsOnly);
