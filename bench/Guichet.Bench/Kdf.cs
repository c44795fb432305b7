using System.Diagnostics;
using Guichet.Application.Security;

namespace Guichet.Bench;

/// <summary>
/// The cost of one password hash as the server computes it (<see cref="PasswordHashing"/>: Identity's hasher,
/// PBKDF2-HMAC-SHA512 at its iteration count), alone on one thread: the unit every hashing call pays.
/// </summary>
public static class Kdf
{
    /// <summary>
    /// One untimed hash, then <paramref name="runs"/> timed ones, one after the other. Prints the medians of wall time and
    /// of this process's CPU time per hash (the CPU time is what the hash costs; the wall time also counts waiting for a
    /// core on a shared machine) as <c>KDF iterations wall_ms cpu_ms</c>.
    /// </summary>
    public static void Measure(int runs, TextWriter output)
    {
        using var hashing = new PasswordHashing();
        Hash(hashing, "warm-up");
        var process = Process.GetCurrentProcess();
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            Hash(hashing, "bench-password-" + i);
            walls.Add(watch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpus.Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds);
        }

        walls.Sort();
        cpus.Sort();
        output.WriteLine($"KDF {PasswordHashing.Iterations} {walls[walls.Count / 2]:F1} {cpus[cpus.Count / 2]:F1}");
    }

    /// <summary>
    /// Every core hashing at once for <paramref name="seconds"/> (one thread per core, after one untimed hash each), as
    /// <c>KDF-PARALLEL threads hashes_per_second</c>: what this machine really does when every hashing call runs together.
    /// Below cores ÷ time of one hash when cores are not whole (SMT siblings, a hypervisor's shared CPUs) — the issue's
    /// limit stays cores ÷ one hash; this one says how far the machine itself is from it.
    /// </summary>
    public static void MeasureParallel(double seconds, TextWriter output)
    {
        var threads = Environment.ProcessorCount;
        var counts = new long[threads];
        using var start = new Barrier(threads + 1);
        var deadline = 0L;
        // One hasher for all, as in the server: it runs at most one hash per core, here one per caller.
        using var hashing = new PasswordHashing();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            Hash(hashing, "warm-up");
            start.SignalAndWait();
            while (Stopwatch.GetTimestamp() < Volatile.Read(ref deadline))
            {
                Hash(hashing, "bench-password-" + t);
                counts[t]++;
            }
        })).ToList();
        workers.ForEach(worker => worker.Start());
        Volatile.Write(ref deadline, Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency));
        var began = Stopwatch.GetTimestamp();
        start.SignalAndWait();
        workers.ForEach(worker => worker.Join());
        var elapsed = Stopwatch.GetElapsedTime(began).TotalSeconds;
        output.WriteLine($"KDF-PARALLEL {threads} {counts.Sum() / elapsed:F1}");
    }

    /// <summary>One hash as the server asks for it (on one of the hasher's own threads), this thread waiting for it.</summary>
    private static string Hash(PasswordHashing hashing, string password) =>
        hashing.HashAsync(password, CancellationToken.None).GetAwaiter().GetResult();
}
