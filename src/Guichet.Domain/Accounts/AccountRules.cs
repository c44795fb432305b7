using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;
using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>What validation needs to know besides the file itself: the white label's settings and today's date.</summary>
public sealed record AccountRules(
    int MaxSecondaryAccounts,
    bool TestEnvironment,
    DateOnly Today,
    int LoginPrefixLength = 0)
{
    /// <summary>Seed 004: 10 to 20 characters with upper, lower, digit and special, no blanks.</summary>
    public PasswordPolicy PasswordPolicy { get; init; } = PasswordPolicy.Registering;

    /// <summary>The rules of a white label at <paramref name="now"/>: "today" is the date in France (§2.3.1 billing start date).</summary>
    public static AccountRules For(WhiteLabel whiteLabel, DateTimeOffset now) =>
        new(whiteLabel.MaxSecondaryAccounts, whiteLabel.TestEnvironment, FrenchTime.Today(now), whiteLabel.LoginPrefix.Length);

    /// <summary>A primary's final login (white-label prefix included) stays within 15, so a secondary's stays within 31.</summary>
    public const int MaxLoginLength = 15;
}
