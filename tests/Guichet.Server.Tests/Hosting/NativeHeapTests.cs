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
        // 48 MiB in blocks of 1 KiB (far below glibc's mmap threshold: they come from an arena), then one block above them
        // all, which keeps the freed ones off the arena's top (free() gives back a free top itself, without a trim).
        var blocks = Enumerable.Range(0, 48 * 1024).Select(_ => Marshal.AllocHGlobal(1024)).ToList();
        var guard = Marshal.AllocHGlobal(1024);
        try
        {
            blocks.ForEach(Marshal.FreeHGlobal);
            var before = AnonymousKib();

            var gaveBack = NativeHeap.Trim();

            var after = AnonymousKib();
            Assert.True(gaveBack);
            Assert.True(before - after >= 24 * 1024, $"anonymous memory {before} KiB before the trim, {after} KiB after");
        }
        finally
        {
            Marshal.FreeHGlobal(guard);
        }
    }

    [Fact]
    public async Task Server_TrimsItsNativeHeap_EverySecondByDefault()
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

    private static long AnonymousKib() =>
        long.Parse(File.ReadLines("/proc/self/status").Single(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ',
            StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
