using Guichet.Domain.Common;

namespace Guichet.Domain.WhiteLabels;

/// <summary>A partner operating a branded portal (marque blanche): a tenant owning accounts, settings and credentials.</summary>
public sealed class WhiteLabel
{
    public const int CodeMaxLength = 40;

    public const int NameMaxLength = 200;

    public const int MailDomainMaxLength = 200;

    public const int LoginPrefixMaxLength = 10;

    public const int MaxSecondaryAccountsLimit = 999;

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

    /// <summary>
    /// Which fields the white label's forms show, pre-fill and lock, or hide (§2.3.2, §3.3.3), as JSON read and written by
    /// <see cref="WhiteLabels.FieldPresentation"/> (which tolerates what it does not know in older rows).
    /// </summary>
    public string? FieldPresentation { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the WSSE secret was last rotated.</summary>
    public DateTimeOffset? SecretRotatedAt { get; set; }

    /// <summary>The WSSE secret before the last rotation, encrypted, accepted too until <see cref="PreviousWsseSecretUntil"/>.</summary>
    public string? PreviousWsseSecretProtected { get; set; }

    public DateTimeOffset? PreviousWsseSecretUntil { get; set; }

    public DateTimeOffset? SsoKeyRotatedAt { get; set; }

    /// <summary>The SSO key before the last rotation, encrypted, accepted too until <see cref="PreviousSsoKeyUntil"/>.</summary>
    public string? PreviousSsoKeyProtected { get; set; }

    public DateTimeOffset? PreviousSsoKeyUntil { get; set; }

    /// <summary>A disabled white label's calls and SSO tokens are refused once its credentials are verified; nothing is deleted.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>Optimistic concurrency token: a new value on every change.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public void Touch() => Version = Guid.NewGuid();

    /// <summary>The previous WSSE secret (encrypted) while its grace lasts, else null.</summary>
    public string? PreviousWsseSecretAt(DateTimeOffset now) => PreviousWsseSecretUntil > now ? PreviousWsseSecretProtected : null;

    /// <summary>The previous SSO key (encrypted) while its grace lasts, else null.</summary>
    public string? PreviousSsoKeyAt(DateTimeOffset now) => PreviousSsoKeyUntil > now ? PreviousSsoKeyProtected : null;

    /// <summary>A new WSSE secret; the current one stays valid for <paramref name="grace"/> (none when zero).</summary>
    public void RotateWsseSecret(string newSecretProtected, DateTimeOffset now, TimeSpan grace)
    {
        PreviousWsseSecretProtected = grace > TimeSpan.Zero ? WsseSecretProtected : null;
        PreviousWsseSecretUntil = grace > TimeSpan.Zero ? now + grace : null;
        WsseSecretProtected = newSecretProtected;
        SecretRotatedAt = now;
        Touch();
    }

    /// <summary>A new SSO key; the current one stays valid for <paramref name="grace"/> (none when zero).</summary>
    public void RotateSsoKey(string newKeyProtected, DateTimeOffset now, TimeSpan grace)
    {
        PreviousSsoKeyProtected = grace > TimeSpan.Zero ? SsoKeyProtected : null;
        PreviousSsoKeyUntil = grace > TimeSpan.Zero ? now + grace : null;
        SsoKeyProtected = newKeyProtected;
        SsoKeyRotatedAt = now;
        Touch();
    }
}
