using Guichet.Domain.Common;

namespace Guichet.Domain.WhiteLabels;

/// <summary>A partner operating a branded portal (marque blanche): a tenant owning accounts, settings and credentials.</summary>
public sealed class WhiteLabel
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>Short code, unique (used by operator commands and in folder numbers).</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>WS-Security UsernameToken username.</summary>
    public required string WsseUsername { get; set; }

    /// <summary>The WSSE secret, encrypted at rest: the digest check needs the plain value, so it cannot be a one-way hash.</summary>
    public required string WsseSecretProtected { get; set; }

    /// <summary>SSO shared key, encrypted at rest; null when SSO is off.</summary>
    public string? SsoKeyProtected { get; set; }

    /// <summary>How long an SSO token stays valid after its minute of issue.</summary>
    public int SsoTokenValidityMinutes { get; set; } = 5;

    /// <summary>IANA id of the zone whose local time SSO tokens carry (the seed names none: French time by default).</summary>
    public string SsoTimeZone { get; set; } = FrenchTime.ZoneId;

    public const int SsoTimeZoneMaxLength = 64;

    /// <summary>Prepended to every primary's account name; counts within the 15-character login.</summary>
    public string LoginPrefix { get; set; } = string.Empty;

    /// <summary>Domain of the mailboxes (<c>login@MailDomain</c>).</summary>
    public required string MailDomain { get; set; }

    public int MaxSecondaryAccounts { get; set; } = 150;

    /// <summary>Files go straight to enrolment instead of waiting for the back office.</summary>
    public bool AutoEnrol { get; set; }

    /// <summary>Whether a secondary gets a mailbox when its request does not say.</summary>
    public bool SecondaryMailboxByDefault { get; set; } = true;

    /// <summary>EDI partner number (PED) used when an account gives none.</summary>
    public string? DefaultEdiPartnerNumber { get; set; }

    /// <summary>A test environment only registers test accounts.</summary>
    public bool TestEnvironment { get; set; }

    /// <summary>Which fields the white label's forms show, pre-fill or hide (§2.3.2), as the partner's own JSON.</summary>
    public string? FieldPresentation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SecretRotatedAt { get; set; }
}
