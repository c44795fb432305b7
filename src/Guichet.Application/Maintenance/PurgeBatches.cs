namespace Guichet.Application.Maintenance;

/// <summary>
/// How one maintenance run purges: statements of at most <see cref="Size"/> rows each, run until one touches fewer, with
/// a rest between two of them. One statement holds SQLite's write lock, and every writer of the process behind it, until
/// it ends: 300,000 expired nonces in one <c>DELETE</c> held every SOAP call's nonce commit for about 2 s, every ten
/// minutes (bench/README.md, "The maintenance purge in batches"). A batch of 1,000 takes 30–40 ms there, and the writers
/// waiting go between two batches. The rests keep the purge to about a tenth of the time, so that its CPU (about 5 s for
/// those 300,000) is spread over two minutes instead of taken from the calls in a few seconds; it is background work.
/// One instance per maintenance run (scoped): its rests stop <see cref="RestingWindow"/> after it was created.
/// </summary>
public sealed class PurgeBatches(TimeProvider clock)
{
    /// <summary>After a batch, the purge rests this many times as long as the batch took: a tenth of the time working.</summary>
    public const int RestPerBatchTime = 9;

    private readonly long _started = clock.GetTimestamp();

    /// <summary>The most rows one statement deletes or clears.</summary>
    public int Size { get; init; } = 1_000;

    /// <summary>
    /// How long after the run began the purge still rests; then it works through, so that it never falls behind what
    /// expires: half of <see cref="MaintenanceOptions.Interval"/> (the registration sets it from the settings). Paced, it
    /// deleted about 2,400 nonces a second on SQLite under the bench's load; a server leaving them faster than that for
    /// long gets the rest of the run unpaced.
    /// </summary>
    public TimeSpan RestingWindow { get; init; } = new MaintenanceOptions().Interval / 2;

    /// <summary>Runs <paramref name="batch"/> (given the most rows it may touch) until it touches fewer; the rows touched.</summary>
    public async Task<int> UntilDoneAsync(Func<int, Task<int>> batch, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Size);
        var total = 0;
        while (true)
        {
            var batchStarted = clock.GetTimestamp();
            var touched = await batch(Size);
            total += touched;
            if (touched < Size)
            {
                return total;
            }

            if (clock.GetElapsedTime(_started) < RestingWindow)
            {
                await Task.Delay(clock.GetElapsedTime(batchStarted) * RestPerBatchTime, clock, cancellationToken);
            }
        }
    }
}
