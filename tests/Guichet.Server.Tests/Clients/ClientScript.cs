using System.ComponentModel;
using System.Diagnostics;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Clients;

/// <summary>One of the scripts under tests/clients, run by its own interpreter as a child process.</summary>
public sealed record ClientScript(string Stack, string Interpreter, string Script, string InstallHint)
{
    public static ClientScript For(string stack) => stack switch
    {
        "php" => new(stack, "php", "php/lifecycle.php", "apt-get install php-cli php-soap"),
        // Debian's interpreter, not a pyenv/venv python3 first on PATH: that is where apt puts zeep.
        "python" => new(stack, "/usr/bin/python3", "python/lifecycle.py", "apt-get install python3-zeep"),
        "node" => new(stack, "node", "node/lifecycle.js", "npm ci in tests/clients/node"),
        _ => throw new ArgumentOutOfRangeException(nameof(stack), stack, null),
    };

    public static string Folder { get; } = Repository.PathOf("tests", "clients");

    /// <summary>Runs the script with these environment variables; kills it past the timeout.</summary>
    public async Task<ScriptRun> RunAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            ArgumentList = { Path.Combine(Folder, Script) },
            WorkingDirectory = Path.GetDirectoryName(Path.Combine(Folder, Script)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Interpreter}.");
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"{Interpreter} not found ({exception.Message}): {InstallHint} (scripts/test.sh does).", exception);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timer = new CancellationTokenSource(timeout);
            var timedOut = false;
            try
            {
                await process.WaitForExitAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = true;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            return new ScriptRun(this, timedOut ? null : process.ExitCode, await stdout, await stderr);
        }
    }
}

/// <summary>What a script did: its exit code (null when killed at the timeout) and its output.</summary>
public sealed record ScriptRun(ClientScript Script, int? ExitCode, string Stdout, string Stderr)
{
    /// <summary>Everything a failure message needs to be understood without rerunning.</summary>
    public override string ToString() =>
        $"""
        {Script.Interpreter} {Script.Script}: {(ExitCode is { } code ? $"exit code {code}" : "killed at the timeout")}
        --- stdout ---
        {Stdout}
        --- stderr ---
        {Stderr}
        """;
}
