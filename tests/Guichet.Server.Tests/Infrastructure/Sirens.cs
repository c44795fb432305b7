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
}
