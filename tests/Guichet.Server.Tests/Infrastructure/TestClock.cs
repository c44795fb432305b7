namespace Guichet.Server.Tests.Infrastructure;

/// <summary>The server's clock in tests: real time plus an offset a test may advance, or set to a date it needs.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>Moves the clock to <paramref name="at"/>, from where it keeps running. Call <see cref="Reset"/> when done.</summary>
    public void Set(DateTimeOffset at) => Interlocked.Exchange(ref _offsetTicks, (at - base.GetUtcNow()).Ticks);

    /// <summary>Back to real time.</summary>
    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
