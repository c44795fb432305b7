using System.Security.Cryptography;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>Random SIRENs with a valid Luhn key, computed here independently of the library under test.</summary>
public static class Sirens
{
    public static string Unique()
    {
        var digits = Enumerable.Range(0, 8).Select(_ => RandomNumberGenerator.GetInt32(10)).ToList();
        for (var key = 0; key < 10; key++)
        {
            var candidate = digits.Append(key).ToList();
            var sum = candidate.Select((d, i) => i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d).Sum();
            if (sum % 10 == 0)
            {
                return string.Concat(candidate);
            }
        }

        throw new InvalidOperationException("Unreachable: one key always completes a Luhn number.");
    }

    /// <summary>A random SIRET (a fresh SIREN, a NIC) with a valid Luhn key over its 14 digits.</summary>
    public static string UniqueSiret() =>
        LuhnCompleted(Unique() + string.Concat(Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetInt32(10))));

    /// <summary>
    /// A random establishment of La Poste (SIREN 356000000) that fails Luhn but whose 14 digits add up to a multiple of
    /// 5: the rule INSEE numbers La Poste's many establishments by.
    /// </summary>
    public static string LaPosteSiret()
    {
        while (true)
        {
            var siret = "356000000" + string.Concat(Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetInt32(10)));
            if (siret.Sum(c => c - '0') % 5 == 0 && LuhnSum(siret) % 10 != 0)
            {
                return siret;
            }
        }
    }

    private static string LuhnCompleted(string digits)
    {
        for (var key = 0; key < 10; key++)
        {
            if (LuhnSum(digits + key) % 10 == 0)
            {
                return digits + key;
            }
        }

        throw new InvalidOperationException("Unreachable: one key always completes a Luhn number.");
    }

    /// <summary>Every second digit from the right (the key first, not doubled) doubled, nines cast out.</summary>
    private static int LuhnSum(string number) =>
        number.Reverse().Select((c, i) => (c - '0') * (i % 2 == 1 ? 2 : 1)).Sum(d => d > 9 ? d - 9 : d);
}
