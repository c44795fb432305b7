namespace Guichet.Application.Security;

/// <summary>The parts of an OASIS UsernameToken (WSS UsernameToken Profile 1.1) a request carried.</summary>
public sealed record UsernameToken(string Username, string Password, string? PasswordType, string? Nonce, string? Created)
{
    public const string PasswordDigestType =
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
}
