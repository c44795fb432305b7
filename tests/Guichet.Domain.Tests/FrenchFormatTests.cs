using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public sealed class FrenchFormatTests
{
    [Theory]
    // Spring forward, 29 March 2026: 02:00 in Paris becomes 03:00.
    [InlineData("2026-03-29T00:30:00Z", "29/03/2026 01:30")]
    [InlineData("2026-03-29T01:30:00Z", "29/03/2026 03:30")]
    // Fall back, 25 October 2026: 03:00 in Paris becomes 02:00 again.
    [InlineData("2026-10-25T00:30:00Z", "25/10/2026 02:30")]
    [InlineData("2026-10-25T01:30:00Z", "25/10/2026 02:30")]
    [InlineData("2026-10-25T02:30:00Z", "25/10/2026 03:30")]
    // Late evening in UTC is already tomorrow in Paris.
    [InlineData("2026-12-31T23:30:00Z", "01/01/2027 00:30")]
    public void ParisTime_FollowsDaylightSaving(string utc, string expected) =>
        Assert.Equal(expected, FrenchFormat.ParisTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ParisDate_IsTheDayInParis() =>
        Assert.Equal("01/07/2026", FrenchFormat.ParisDate(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("2026-03-29T00:58:30Z", "01:59")]
    [InlineData("2026-03-29T00:59:30Z", "03:00")]
    [InlineData("2026-03-29T01:00:00Z", "03:00")]
    [InlineData("2026-01-10T13:04:00Z", "14:04")]
    [InlineData("2026-01-10T13:04:00.001Z", "14:05")]
    public void ParisClockRoundedUp_NeverSaysEarlierThanTheInstant(string utc, string expected) =>
        Assert.Equal(expected, FrenchFormat.ParisClockRoundedUp(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(30, "1 minute")]
    [InlineData(60, "1 minute")]
    [InlineData(61, "2 minutes")]
    [InlineData(1800, "30 minutes")]
    public void MinutesRoundedUp_IsWholeMinutes(int seconds, string expected) =>
        Assert.Equal(expected, FrenchFormat.MinutesRoundedUp(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(60, "1 heure")]
    [InlineData(24 * 60, "24 heures")]
    [InlineData(48 * 60, "2 jours")]
    [InlineData(30, "30 minutes")]
    [InlineData(90, "90 minutes")]
    [InlineData(1, "1 minute")]
    public void Lifetime_IsSaidAsPeopleSayIt(int minutes, string expected) =>
        Assert.Equal(expected, FrenchFormat.Lifetime(TimeSpan.FromMinutes(minutes)));
}
