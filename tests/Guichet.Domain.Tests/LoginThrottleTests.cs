using Guichet.Domain.Security;

namespace Guichet.Domain.Tests;

public class LoginThrottleTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(59, 1770)]
    [InlineData(60, 1800)]
    [InlineData(61, 1800)]
    [InlineData(1000, 1800)]
    public void WaitAfter_Failures_ThirtySecondsEachCappedAtThirtyMinutes(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), LoginThrottle.WaitAfter(failures));
    }

    [Fact]
    public void WaitAfter_HugeCount_StaysAtCap()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), LoginThrottle.WaitAfter(int.MaxValue));
    }

    [Fact]
    public void IsBlocked_BeforeBlockEnds_True()
    {
        var throttle = new LoginThrottle { Login = "acme", Failures = 1, BlockedUntil = s_now.AddSeconds(30) };

        Assert.True(throttle.IsBlocked(s_now));
        Assert.True(throttle.IsBlocked(s_now.AddSeconds(29)));
    }

    [Fact]
    public void IsBlocked_AtAndAfterBlockEnds_False()
    {
        var throttle = new LoginThrottle { Login = "acme", Failures = 1, BlockedUntil = s_now.AddSeconds(30) };

        Assert.False(throttle.IsBlocked(s_now.AddSeconds(30)));
        Assert.False(throttle.IsBlocked(s_now.AddMinutes(5)));
    }

    [Fact]
    public void IsBlocked_NeverFailed_False()
    {
        Assert.False(new LoginThrottle { Login = "acme" }.IsBlocked(s_now));
    }

    [Fact]
    public void SoapKey_SameLoginOfTwoWhiteLabels_Differs()
    {
        Assert.NotEqual(LoginThrottle.SoapKey(Guid.NewGuid(), "acme"), LoginThrottle.SoapKey(Guid.NewGuid(), "acme"));
    }

    [Fact]
    public void Keys_OfTheTwoDoors_NeverMeet()
    {
        var whiteLabel = Guid.NewGuid();

        var soap = LoginThrottle.SoapKey(whiteLabel, "acme");
        var portal = LoginThrottle.PortalKey($"soap:{whiteLabel:D}:acme");

        Assert.StartsWith("soap:", soap, StringComparison.Ordinal);
        Assert.StartsWith("portal:", portal, StringComparison.Ordinal);
        Assert.NotEqual(soap, portal);
    }

    [Fact]
    public void PortalKey_LongestEmail_FitsTheKey()
    {
        Assert.True(LoginThrottle.PortalKey(new string('a', 250)).Length <= LoginThrottle.MaxKeyLength);
    }
}
