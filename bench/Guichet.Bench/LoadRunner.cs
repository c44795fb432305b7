using System.Diagnostics;
using System.Net;

namespace Guichet.Bench;

/// <summary>
/// Sends exactly the requests asked for from a fixed number of workers (closed loop: each worker waits for its
/// answer before sending the next), times each one, and reports throughput and latency percentiles.
/// </summary>
public sealed class LoadRunner(SoapClient client, BenchOptions options)
{
    private const int MaxFaultChars = 4_000;

    /// <summary>One keep-alive connection per worker, no proxy (loopback only), each request bounded by the timeout.</summary>
    public static HttpClient CreateClient(BenchOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            UseProxy = false,
            AllowAutoRedirect = false,
            ConnectTimeout = options.Timeout,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = options.Timeout };
    }

    public async Task<int> RunAsync(TextWriter output)
    {
        Func<CancellationToken, Task<SoapResponse>> call;
        if (options.Operation == BenchOperation.Register)
        {
            call = token => client.RegisterPrimaryAccountAsync(SoapClient.UniqueAccountName(), token);
        }
        else
        {
            var account = options.Account ?? await RegisterOneAsync(output);
            if (account is null)
            {
                return 1;
            }

            call = token => client.GetAccountStateAsync(account, options.Login!, options.Password!, token);
        }

        await output.WriteLineAsync($"== {options.Label}: {options.Requests} requests, concurrency {options.Concurrency}, "
            + $"warm-up {options.Warmup}, timeout {options.Timeout.TotalSeconds:0} s");
        if (options.Warmup > 0)
        {
            var warmup = await RunPhaseAsync(options.Warmup, call);
            await output.WriteLineAsync($"   warm-up: {warmup.Succeeded} ok, {warmup.Errors} errors, {warmup.Elapsed.TotalSeconds:0.00} s");
            await WriteFirstErrorAsync(output, warmup);
        }

        var result = await RunPhaseAsync(options.Requests, call);
        await WriteAsync(output, result);
        return result.Errors == 0 ? 0 : 1;
    }

    /// <summary>Registers the account the state run reads (untimed); returns its login, or null after printing why not.</summary>
    private async Task<string?> RegisterOneAsync(TextWriter output)
    {
        var name = SoapClient.UniqueAccountName();
        using var timeout = new CancellationTokenSource(options.Timeout);
        var response = await client.RegisterPrimaryAccountAsync(name, timeout.Token);
        if (response.Status != HttpStatusCode.OK)
        {
            await output.WriteLineAsync($"could not register the account to query: HTTP {(int)response.Status}");
            await output.WriteLineAsync(Truncate(response.Body));
            return null;
        }

        await output.WriteLineAsync($"   registered {name.ToLowerInvariant()} to query");
        return name.ToLowerInvariant();
    }

    private async Task<PhaseResult> RunPhaseAsync(int count, Func<CancellationToken, Task<SoapResponse>> call)
    {
        var phase = new PhaseResult(count);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(options.Concurrency, count)).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    // HttpClient.Timeout bounds each request; a timeout surfaces as TaskCanceledException.
                    var response = await call(CancellationToken.None);
                    var latency = Stopwatch.GetElapsedTime(sent);
                    if (response.Status == HttpStatusCode.OK)
                    {
                        phase.Succeed(index, latency);
                    }
                    else
                    {
                        phase.Fail($"HTTP {(int)response.Status} {response.Status}:{Environment.NewLine}{Truncate(response.Body)}");
                    }
                }
                catch (Exception exception)
                {
                    phase.Fail($"{exception.GetType().Name} after {Stopwatch.GetElapsedTime(sent).TotalMilliseconds:0} ms: {exception.Message}");
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        phase.Elapsed = Stopwatch.GetElapsedTime(started);
        return phase;
    }

    private async Task WriteAsync(TextWriter output, PhaseResult result)
    {
        var throughput = result.Succeeded / result.Elapsed.TotalSeconds;
        await output.WriteLineAsync($"   {result.Succeeded} ok, {result.Errors} errors, {result.Elapsed.TotalSeconds:0.00} s");
        await output.WriteLineAsync($"   throughput: {throughput:0.0} requests/s (successful requests / wall time)");
        var latencies = result.SuccessfulLatenciesMs();
        if (latencies.Length == 0)
        {
            await output.WriteLineAsync("   latency: no successful request");
        }
        else
        {
            await output.WriteLineAsync($"   latency ms: p50 {Percentile(latencies, 0.50):0.0}  p90 {Percentile(latencies, 0.90):0.0}  "
                + $"p99 {Percentile(latencies, 0.99):0.0}  max {latencies[^1]:0.0}  (mean {latencies.Average():0.0})");
        }

        await WriteFirstErrorAsync(output, result);

        // One Markdown row, for bench/README.md's table.
        var row = latencies.Length == 0
            ? $"| {options.Label} | {options.Requests} | {options.Concurrency} | {result.Errors} | {throughput:0.0} | - | - | - | - |"
            : $"| {options.Label} | {options.Requests} | {options.Concurrency} | {result.Errors} | {throughput:0.0} "
                + $"| {Percentile(latencies, 0.50):0} | {Percentile(latencies, 0.90):0} | {Percentile(latencies, 0.99):0} | {latencies[^1]:0} |";
        await output.WriteLineAsync("RESULT " + row);
    }

    private static async Task WriteFirstErrorAsync(TextWriter output, PhaseResult result)
    {
        if (result.FirstError is { } error)
        {
            await output.WriteLineAsync("   first error:");
            await output.WriteLineAsync(error);
        }
    }

    /// <summary>Nearest rank on sorted values.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Truncate(string body) =>
        body.Length <= MaxFaultChars ? body : body[..MaxFaultChars] + $"… ({body.Length} characters)";

    private sealed class PhaseResult(int count)
    {
        private readonly double[] _latenciesMs = new double[count];
        private readonly bool[] _succeeded = new bool[count];
        private string? _firstError;
        private int _errors;
        private int _successes;

        public int Errors => Volatile.Read(ref _errors);

        public int Succeeded => Volatile.Read(ref _successes);

        public string? FirstError => Volatile.Read(ref _firstError);

        public TimeSpan Elapsed { get; set; }

        public void Succeed(int index, TimeSpan latency)
        {
            _latenciesMs[index] = latency.TotalMilliseconds;
            _succeeded[index] = true;
            Interlocked.Increment(ref _successes);
        }

        public void Fail(string description)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, description, null);
        }

        public double[] SuccessfulLatenciesMs()
        {
            var values = _latenciesMs.Where((_, i) => _succeeded[i]).ToArray();
            Array.Sort(values);
            return values;
        }
    }
}
