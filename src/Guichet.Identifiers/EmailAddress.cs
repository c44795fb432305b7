namespace Guichet.Identifiers;

/// <summary>Pragmatic e-mail address check: catches typos, not a full RFC 5322 parser.</summary>
public static class EmailAddress
{
    /// <summary>Longest accepted address.</summary>
    public const int MaxLength = 250;

    private const int MaxLabelLength = 63;

    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    /// <summary>
    /// True when <paramref name="value"/> has exactly one '@', a local part that is an RFC 5322 dot-atom (ASCII letters,
    /// digits and <c>!#$%&amp;'*+-/=?^_`{|}~</c>, dots between them), a domain of at least two dot-separated labels (ASCII
    /// letters, digits, inner hyphens, 1..63 chars each), and at most 250 characters.
    /// </summary>
    public static bool IsValid(string? value)
    {
        // Why 250: the column that stores it is 250 wide; RFC 5321's 254 would not fit.
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || value.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        if (!IsDotAtom(value.AsSpan(0, at)))
        {
            return false;
        }

        var domain = value.AsSpan(at + 1);
        // Why a dot is required: "user@localhost" is legal but never a deliverable address for our users.
        if (domain.IndexOf('.') < 0)
        {
            return false;
        }

        foreach (var range in domain.Split('.'))
        {
            if (!IsValidLabel(domain[range]))
            {
                return false;
            }
        }

        return true;
    }

    // Why ASCII only: internationalised domains reach us in their punycode ("xn--") form.
    private static bool IsValidLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    // Why no quoted local part ("jean dupont"@…) nor comment: a mail library reads them as something else than the
    // address we stored, or refuses them; an address that cannot be sent to must not be accepted in the first place.
    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local.IsEmpty || local[0] == '.' || local[^1] == '.' || local.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        foreach (var c in local)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !AtomSpecials.Contains(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
