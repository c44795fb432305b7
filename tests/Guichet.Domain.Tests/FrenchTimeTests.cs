using Guichet.Domain.Common;

namespace Guichet.Domain.Tests;

public class FrenchTimeTests
{
    [Theory]
    [InlineData("2026-01-15T00:30", "2026-01-14T23:30:00Z")]
    [InlineData("2026-07-15T00:00", "2026-07-14T22:00:00Z")]
    // Skipped in March: the first instant after the gap.
    [InlineData("2026-03-29T02:30", "2026-03-29T01:00:00Z")]
    // Repeated in October: the first time it is read.
    [InlineData("2026-10-25T02:30", "2026-10-25T00:30:00Z")]
    public void ToUtc_ParisWallClock_IsTheInstant(string paris, string utc)
    {
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture),
            FrenchTime.ToUtc(DateTime.Parse(paris, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
