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
    public void RecordFailure_First_IncrementsAndBlocksThirtySeconds()
    {
        var throttle = new LoginThrottle { Login = "acme" };

        throttle.RecordFailure(s_now);

        Assert.Equal(1, throttle.Failures);
        Assert.Equal(s_now.AddSeconds(30), throttle.BlockedUntil);
    }

    [Fact]
    public void RecordFailure_Third_BlocksNinetySecondsFromNow()
    {
        var throttle = new LoginThrottle { Login = "acme", Failures = 2 };

        throttle.RecordFailure(s_now);

        Assert.Equal(3, throttle.Failures);
        Assert.Equal(s_now.AddSeconds(90), throttle.BlockedUntil);
    }

    [Fact]
    public void RecordFailure_RenewsVersion()
    {
        var throttle = new LoginThrottle { Login = "acme" };
        var version = throttle.Version;

        throttle.RecordFailure(s_now);

        Assert.NotEqual(version, throttle.Version);
    }

    [Fact]
    public void IsBlocked_BeforeBlockEnds_True()
    {
        var throttle = new LoginThrottle { Login = "acme" };
        throttle.RecordFailure(s_now);

        Assert.True(throttle.IsBlocked(s_now));
        Assert.True(throttle.IsBlocked(s_now.AddSeconds(29)));
    }

    [Fact]
    public void IsBlocked_AtAndAfterBlockEnds_False()
    {
        var throttle = new LoginThrottle { Login = "acme" };
        throttle.RecordFailure(s_now);

        Assert.False(throttle.IsBlocked(s_now.AddSeconds(30)));
        Assert.False(throttle.IsBlocked(s_now.AddMinutes(5)));
    }

    [Fact]
    public void IsBlocked_NeverFailed_False()
    {
        Assert.False(new LoginThrottle { Login = "acme" }.IsBlocked(s_now));
    }
}
