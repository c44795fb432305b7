using System.Runtime.InteropServices;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The server gives back the native memory it freed (NativeHeapTrimming): glibc would keep it in the arena of the thread
/// that freed it. The tests run on Debian, where the C library is glibc.
/// </summary>
public sealed class NativeHeapTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Fact]
    public void Trim_GivesBackMemoryFreedBelowTheTopOfTheHeap()
    {
        Assert.True(NativeHeap.CanTrim);
        // The servers of the other test classes trim this process too, every second: one that trims between the frees and
        // the first reading leaves nothing to this trim, so the measure is taken again. A trim that did nothing would pass
        // only if another fell between the two readings around it, microseconds apart.
        var drops = new List<long>();
        for (var attempt = 0; attempt < 5 && (drops.Count == 0 || drops[^1] < 24 * 1024); attempt++)
        {
            drops.Add(FreeThenTrim());
        }

        Assert.True(drops[^1] >= 24 * 1024, $"anonymous memory given back by each trim: {string.Join(", ", drops)} KiB");
    }

    [Fact]
    public async Task Server_TrimsItsNativeHeap_AgainAndAgain()
    {
        var trimming = server.Services.GetRequiredService<NativeHeapTrimming>();
        var first = trimming.Trims;

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (trimming.Trims < first + 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(trimming.Trims >= first + 2, $"{trimming.Trims - first} trims in 10 s");
    }

    /// <summary>Frees 48 MiB below the top of the heap, trims, and says how much anonymous memory the trim gave back.</summary>
    private static long FreeThenTrim()
    {
        // Blocks of 1 KiB, far below glibc's mmap threshold: they come from an arena. The block allocated after them all
        // keeps the freed ones off the arena's top, which free() gives back itself, without a trim.
        var blocks = Enumerable.Range(0, 48 * 1024).Select(_ => Marshal.AllocHGlobal(1024)).ToList();
        var guard = Marshal.AllocHGlobal(1024);
        try
        {
            blocks.ForEach(Marshal.FreeHGlobal);
            var before = AnonymousKib();
            var gaveBack = NativeHeap.Trim();
            var after = AnonymousKib();
            return gaveBack ? before - after : 0;
        }
        finally
        {
            Marshal.FreeHGlobal(guard);
        }
    }

    private static long AnonymousKib() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ',
            StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
