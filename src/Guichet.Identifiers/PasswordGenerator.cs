using System.Security.Cryptography;

namespace Guichet.Identifiers;

/// <summary>Generates random passwords that satisfy a <see cref="PasswordPolicy"/>.</summary>
public static class PasswordGenerator
{
    private const string Uppercase = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lowercase = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";


    /// <summary>
    /// A password of <paramref name="length"/> characters with at least one character of each class the
    /// policy requires, drawn with <see cref="RandomNumberGenerator"/> (cryptographically secure).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="length"/> is outside the policy bounds or too short for its required classes.
    /// </exception>
    public static string Generate(PasswordPolicy policy, int length)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (length < policy.MinLength || length > policy.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(length), length, $"The length must be between {policy.MinLength} and {policy.MaxLength}.");
        }

        var required = new List<string>(4);
        if (policy.RequireUppercase)
        {
            required.Add(Uppercase);
        }

        if (policy.RequireLowercase)
        {
            required.Add(Lowercase);
        }

        if (policy.RequireDigit)
        {
            required.Add(Digits);
        }

        if (policy.RequireSpecial)
        {
            required.Add(policy.SpecialCharacters);
        }

        if (length < required.Count || length <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(length), length, $"The length must be at least {Math.Max(required.Count, 1)} for this policy.");
        }

        var chars = new char[length];
        var i = 0;
        // One character of each required class first, so the requirement holds whatever the filler draws.
        foreach (var set in required)
        {
            chars[i++] = Pick(set);
        }

        // Every class is allowed by any policy (requirements only demand presence), so the filler draws from all
        // of them, with the policy's own special characters: the largest alphabet gives the most entropy per character.
        var alphabet = Uppercase + Lowercase + Digits + policy.SpecialCharacters;
        for (; i < length; i++)
        {
            chars[i] = Pick(alphabet);
        }

        // Fisher–Yates, so the guaranteed characters are not always at the start.
        for (var j = chars.Length - 1; j > 0; j--)
        {
            var k = RandomNumberGenerator.GetInt32(j + 1);
            (chars[j], chars[k]) = (chars[k], chars[j]);
        }

        return new string(chars);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];
}
