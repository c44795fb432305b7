using System.Security.Cryptography;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>Random SIRETs with a valid key (Luhn, or La Poste's rule), computed here independently of the library under test.</summary>
public static class Sirets
{
    /// <summary>Every SIRET given in this run: one training body has only 10,000 keyed ones, and a test may make 52 of them.</summary>
    private static readonly HashSet<string> s_issued = [];

    /// <summary>An establishment of <paramref name="siren"/> (a new training body when none), never the same twice in a run.</summary>
    public static string Unique(string? siren = null)
    {
        siren ??= Sirens.Unique();
        while (true)
        {
            var candidate = siren + string.Concat(Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetInt32(10)));
            if (IsLuhn(candidate) && Issue(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>An establishment of La Poste (SIREN 356 000 000) whose key follows La Poste's rule only, not Luhn's.</summary>
    public static string LaPoste()
    {
        while (true)
        {
            var candidate = "356000000" + string.Concat(Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetInt32(10)));
            if (candidate.Sum(c => c - '0') % 5 == 0 && !IsLuhn(candidate) && Issue(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>"362 521 879 00034", as staff type and read it.</summary>
    public static string Spaced(string siret) => $"{siret[..3]} {siret[3..6]} {siret[6..9]} {siret[9..]}";

    private static bool Issue(string siret)
    {
        lock (s_issued)
        {
            return s_issued.Add(siret);
        }
    }

    private static bool IsLuhn(string digits) =>
        digits.Reverse().Select((c, i) => i % 2 == 1 ? ((c - '0') * 2 > 9 ? (c - '0') * 2 - 9 : (c - '0') * 2) : c - '0').Sum() % 10 == 0;
}
