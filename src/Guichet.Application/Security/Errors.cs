using Guichet.Domain.Common;

namespace Guichet.Application.Security;

/// <summary>The French messages of authentication failures (WS-Security, SOAP user, the brute-force brake), each with its stable code.</summary>
public static class SecurityErrors
{
    public static Error WsseTokenMissing { get; } =
        new(ErrorCodes.WhiteLabelAuthenticationFailed, "L'en-tête WS-Security UsernameToken est absent.");

    public static Error WssePasswordTypeNotDigest { get; } =
        new(ErrorCodes.WhiteLabelAuthenticationFailed, "Seul le type de mot de passe PasswordDigest est accepté.");

    public static Error WsseNonceOrCreatedMissing { get; } =
        new(ErrorCodes.WhiteLabelAuthenticationFailed, "Le jeton WS-Security doit porter un Nonce (Base64) et une date Created.");

    public static Error WsseTokenStale(TimeSpan window) => new(ErrorCodes.SecurityTokenExpired,
        $"La date Created du jeton WS-Security doit être à moins de {window.TotalMinutes:0} minutes de l'heure du serveur.");

    public static Error WhiteLabelRefused { get; } =
        new(ErrorCodes.WhiteLabelAuthenticationFailed, "Authentification de la marque blanche refusée.");

    public static Error NonceReplayed { get; } =
        new(ErrorCodes.NonceReplayed, "Ce Nonce a déjà été utilisé : générez un nouveau jeton pour chaque requête.");

    public static Error TooManyFailedAuthentications(TimeSpan wait) => new(ErrorCodes.TooManyFailedAuthentications,
        $"Trop d'authentifications échouées depuis votre adresse : réessayez dans {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} secondes.");

    public static Error UserContextMissing { get; } =
        new(ErrorCodes.UserAuthenticationFailed, "L'en-tête context doit contenir user/login et user/password.");

    public static Error UserLoginMalformed { get; } = new(ErrorCodes.UserAuthenticationFailed,
        "Identifiant mal formé : lettres, chiffres, « - » et « _ », avec au plus un « . » (compte secondaire).");

    /// <param name="nextAttempt">When the brake lets the next attempt through (<see cref="NextAttempt"/>).</param>
    public static Error UserCredentialsWrong(string nextAttempt) =>
        new(ErrorCodes.UserAuthenticationFailed, "Identifiant ou mot de passe incorrect. " + nextAttempt);

    public static Error UserTemporarilyLocked(DateTimeOffset until, DateTimeOffset now) => new(ErrorCodes.UserTemporarilyLocked,
        $"Trop de tentatives échouées : réessayez dans {Seconds(until, now)} secondes ({until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).");

    /// <summary>The sentence a failed SOAP log in ends with: read by programs, in seconds and ISO UTC.</summary>
    public static string NextAttempt(DateTimeOffset until, DateTimeOffset now) =>
        $"Prochaine tentative possible dans {Seconds(until, now)} secondes ({until.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).";

    /// <summary>The brake's lock, on a page a person reads: in minutes and Paris time ("dans 2 minutes (à 14:05, heure de Paris)").</summary>
    public static Error PersonTemporarilyLocked(DateTimeOffset until, DateTimeOffset now) => new(ErrorCodes.UserTemporarilyLocked,
        $"Trop de tentatives échouées : réessayez {When(until, now)}.");

    /// <summary>The sentence a failed log in ends with on a page a person reads (portal, Partenaire space, back office).</summary>
    public static string PersonNextAttempt(DateTimeOffset until, DateTimeOffset now) => $"Prochaine tentative possible {When(until, now)}.";

    private static string When(DateTimeOffset until, DateTimeOffset now) =>
        $"dans {FrenchFormat.MinutesRoundedUp(until - now)} (à {FrenchFormat.ParisClockRoundedUp(until)}, heure de Paris)";

    private static int Seconds(DateTimeOffset until, DateTimeOffset now) => (int)Math.Ceiling((until - now).TotalSeconds);
}
