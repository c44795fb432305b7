using Guichet.Domain.People;

namespace Guichet.Application.People;

/// <summary>The sign-up form, and the space whose form it is (the person is recorded as signed up there).</summary>
public sealed record SignUpRequest(
    string? Email,
    string? EmailConfirmation,
    string? Password,
    string? PasswordConfirmation,
    string? FirstName,
    string? LastName,
    bool ContributionsOnly,
    PortalSpace Space = PortalSpace.Entreprise);
