using Guichet.Identifiers;

namespace Guichet.Domain.Auditing;

/// <summary>
/// What a failed sign-in by email records of what was typed as the login. Something that is not an email address is
/// often a password typed in the wrong field (ASVS 7.1.1): it is replaced by a mark, never kept.
/// </summary>
public static class TypedLogin
{
    public const string NotAnEmailAddress = "(not an email address)";

    public static string ForAudit(string normalizedEmail) =>
        EmailAddress.IsValid(normalizedEmail) ? normalizedEmail : NotAnEmailAddress;
}
