using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Domain.Tests;

/// <summary>"Today" for the billing start date (§2.3.1 "not in the future") is the date in France.</summary>
public class AccountRulesTests
{
    private static WhiteLabel WhiteLabel() => new()
    {
        Code = "acme",
        Name = "ACME",
        WsseUsername = "acme",
        WsseSecretProtected = "protected",
        MailDomain = "mb.acme.fr",
        MaxSecondaryAccounts = 40,
        LoginPrefix = "ac",
    };

    [Theory]
    [InlineData("2026-11-23T22:59:00Z", "2026-11-23")]
    [InlineData("2026-11-23T23:00:00Z", "2026-11-24")]
    [InlineData("2026-11-23T23:30:00Z", "2026-11-24")]
    [InlineData("2026-07-14T21:59:00Z", "2026-07-14")]
    [InlineData("2026-07-14T22:00:00Z", "2026-07-15")]
    public void For_TodayIsTheDateInParis(string utc, string today)
    {
        var rules = AccountRules.For(WhiteLabel(), DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), rules.Today);
        Assert.Equal((40, 2), (rules.MaxSecondaryAccounts, rules.LoginPrefixLength));
    }

    [Fact]
    public void BillingStartDate_At2330Utc_TomorrowInParisPasses_TheDayAfterFails()
    {
        var rules = AccountRules.For(WhiteLabel(), new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.Zero));
        var tomorrow = ValidFile.Primary();
        tomorrow.Billing!.StartDate = "2026-11-24";
        var dayAfter = ValidFile.Primary();
        dayAfter.Billing!.StartDate = "2026-11-25";

        Assert.Empty(AccountDataValidator.ValidatePrimary(tomorrow, rules));
        var error = Assert.Single(AccountDataValidator.ValidatePrimary(dayAfter, rules));
        Assert.Equal((ErrorCodes.DateInFuture, "Billing.StartDate"), (error.Code, error.Field));
    }
}
