using System.Globalization;
using System.Text;

namespace Guichet.Domain.Accounts;

/// <summary>
/// The forms in which the back office searches: what is stored in the search columns and what a typed query becomes,
/// by the same functions, so that "Société Générale", "SOCIETE-GENERALE" and "société générale" meet.
/// </summary>
public static class SearchKeys
{
    /// <summary>
    /// Lower case, accents removed (é → e, œ → oe, ß → ss), every run of other characters (blanks, punctuation, quotes)
    /// one space, trimmed: "L'Œuvre — Société" → "l oeuvre societe". Null when nothing is left.
    /// Only characters below U+D800 are kept, so that a prefix's upper bound is its last character plus one
    /// (both providers compare these keys by code point: SQLite's BINARY, PostgreSQL's "C" collation).
    /// </summary>
    public static string? Text(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            var spelled = lower switch
            {
                'œ' => "oe",
                'æ' => "ae",
                'ß' => "ss",
                'ø' => "o",
                'ł' => "l",
                'đ' => "d",
                'þ' => "th",
                _ => char.IsLetterOrDigit(lower) && lower < '\uD800' ? null : string.Empty,
            };
            if (spelled is { Length: 0 })
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            if (spelled is null)
            {
                builder.Append(lower);
            }
            else
            {
                builder.Append(spelled);
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The first string after every string that starts with <paramref name="prefix"/> (a key of <see cref="Text"/>).</summary>
    public static string PrefixUpperBound(string prefix) => string.Concat(prefix.AsSpan(0, prefix.Length - 1), [(char)(prefix[^1] + 1)]);

    /// <summary>An email as compared: trimmed, lower case (the domain is case-insensitive, and in practice so is the local part).</summary>
    public static string? Email(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToLowerInvariant();

    /// <summary>
    /// The digits of a number typed with blanks, dots or dashes ("732 829 320 00074"); null when it has other characters
    /// or no digit.
    /// </summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (!char.IsWhiteSpace(c) && c is not ('.' or '-'))
            {
                return null;
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
