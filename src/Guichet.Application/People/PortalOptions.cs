using Guichet.Identifiers;

namespace Guichet.Application.People;

/// <summary>Section <c>Portal</c>: the web portal's own settings.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Base of the links sent by email; when empty, the address the request came in on.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The guide asks for at least 8 characters with upper and lower case, digits and special characters.</summary>
    public const int MinimumPasswordLength = 8;

    public int PasswordMinLength { get; set; } = MinimumPasswordLength;

    public int PasswordMaxLength { get; set; } = 64;

    public TimeSpan EmailValidationLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Portal passwords expire like WS accounts' (18 months); a forced change page follows.</summary>
    public TimeSpan PasswordLifetime { get; set; } = TimeSpan.FromDays(548);

    /// <summary>The "Liste des outils" page.</summary>
    public List<ToolLink> Tools { get; set; } =
    [
        new()
        {
            Name = "Déclarations",
            Description = "Déposer et suivre vos déclarations.",
            Url = "https://declarations.example.fr/",
            ForContributionsOnly = false,
        },
        new()
        {
            Name = "Contributions formation",
            Description = "Déclarer vos contributions à la formation professionnelle.",
            Url = "https://contributions.example.fr/",
            ForContributionsOnly = true,
        },
    ];

    public PasswordPolicy PasswordPolicy => new(PasswordMinLength, PasswordMaxLength, true, true, true, true);
}

/// <summary>A tool of the portal; <see cref="ForContributionsOnly"/> says whether contributions-only persons see it.</summary>
public sealed class ToolLink
{
    public string Name { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public string Url { get; set; } = string.Empty;

    public bool ForContributionsOnly { get; set; } = true;
}
