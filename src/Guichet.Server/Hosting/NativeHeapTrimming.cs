using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>Section <c>Memory</c>.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Memory";

    /// <summary>
    /// How often the server gives back the native memory it has freed (<see cref="NativeHeap"/>); zero never. Every second,
    /// a loaded server held 15–25 MB less and peaked 13–20 MB lower, for ~4 ms of one core's time a second and no CPU per
    /// call or p99 beyond this host's noise (bench/README.md, "Freed native memory given back").
    /// </summary>
    public TimeSpan NativeHeapTrimInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public sealed class MemoryOptionsValidator : IValidateOptions<MemoryOptions>
{
    public ValidateOptionsResult Validate(string? name, MemoryOptions options) => options.NativeHeapTrimInterval < TimeSpan.Zero
        ? ValidateOptionsResult.Fail("Memory:NativeHeapTrimInterval must not be negative (00:00:00 turns the trimming off).")
        : ValidateOptionsResult.Success;
}

/// <summary>
/// Trims the native heap every <see cref="MemoryOptions.NativeHeapTrimInterval"/>, where the C library can
/// (<see cref="NativeHeap.CanTrim"/>): what a burst of calls freed is given back rather than kept by each thread's arena.
/// </summary>
internal sealed class NativeHeapTrimming(IOptions<MemoryOptions> options) : BackgroundService
{
    private long _trims;

    /// <summary>How many trims have run since the start (the tests watch it move).</summary>
    public long Trims => Interlocked.Read(ref _trims);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.NativeHeapTrimInterval;
        if (interval == TimeSpan.Zero || !NativeHeap.CanTrim)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            NativeHeap.Trim();
            Interlocked.Increment(ref _trims);
        }
    }
}
