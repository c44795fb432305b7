using System.Security.Cryptography;

namespace Guichet.Domain.Staff;

/// <summary>
/// Recovery codes: <see cref="Count"/> codes of the form <c>xxxx-xxxx</c>, drawn with a CSPRNG from an alphabet without
/// look-alike characters (no 0/o, 1/l/i): 31 symbols, almost 40 bits a code, hashed slowly at rest.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private const int HalfLength = 4;

    public static IReadOnlyList<string> Generate() =>
        Enumerable.Range(0, Count).Select(_ => $"{Draw()}-{Draw()}").ToList();

    /// <summary>
    /// The canonical form of what a person typed (case, blanks and the dash are forgiven), or null when it cannot be a
    /// recovery code, so that a TOTP code or a typo never costs the slow hashes.
    /// </summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var letters = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToLowerInvariant).ToArray());
        return letters.Length == 2 * HalfLength && letters.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            ? $"{letters[..HalfLength]}-{letters[HalfLength..]}"
            : null;
    }

    private static string Draw() =>
        new(Enumerable.Range(0, HalfLength).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());
}
