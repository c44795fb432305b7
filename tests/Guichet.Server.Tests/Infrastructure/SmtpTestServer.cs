using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for the test class: Debian's aiosmtpd on a free loopback port, storing what it receives in a
/// Maildir that the tests read back with MimeKit. Never skipped: without python3-aiosmtpd the tests that need it fail.
/// A test may <see cref="Stop"/> it (an outage: connections refused) and <see cref="Start"/> it again on the same port
/// and Maildir, or <see cref="Pause"/> it (connections accepted, never answered) and <see cref="Resume"/> it.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    // Debian's interpreter, not whichever python3 (pyenv, venv) comes first on PATH: that is where apt puts aiosmtpd.
    private const string Python = "/usr/bin/python3";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-smtp-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _output = new();
    private Process _process = null!;

    public SmtpTestServer()
    {
        EnsureAiosmtpd();
        Port = FreePort();
        Start();
    }

    /// <summary>Starts the server (again) on <see cref="Port"/>, with the messages already received.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo(Python)
        {
            // -n: do not drop privileges to nobody (it would when run as root, and could not write the Maildir).
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _folder },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {Python}.");
        // Drained so a chatty server never blocks on a full pipe, and kept for the failure message.
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            WaitUntilListening(TimeSpan.FromSeconds(10));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The server goes away: connections to its port are refused until <see cref="Start"/>.</summary>
    public void Stop()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>The server hangs (SIGSTOP): the kernel still accepts connections, but nothing is read or answered.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public string Host { get; } = IPAddress.Loopback.ToString();

    public int Port { get; }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var received = Path.Combine(_folder, "new");
        if (!Directory.Exists(received))
        {
            return [];
        }

        // aiosmtpd writes into tmp/ and renames into new/, so every file here is complete.
        return Directory.GetFiles(received)
            .Select(file => (File: file, Written: File.GetLastWriteTimeUtc(file)))
            .OrderBy(f => f.Written)
            .Select(f => MimeMessage.Load(f.File))
            .ToList();
    }

    /// <summary>The first received message that matches, polling until <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(Func<MimeMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Messages().FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var subjects = string.Join(", ", Messages().Select(m => $"'{m.Subject}'"));
                throw new TimeoutException($"No matching message within {timeout}; received: [{subjects}].");
            }

            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temporary folder.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                // A paused process dies from SIGKILL too.
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/kill")
        {
            ArgumentList = { "-" + signal,
            _process.Id.ToString(CultureInfo.InvariantCulture) }
        })
            ?? throw new InvalidOperationException("Cannot run /bin/kill.");
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static void EnsureAiosmtpd()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} not found: install python3 and python3-aiosmtpd (scripts/test.sh does).");
        }

        using var check = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { "-c", "import aiosmtpd" }, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Cannot start {Python}.");
        var error = check.StandardError.ReadToEnd();
        check.WaitForExit();
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException($"aiosmtpd is not importable by {Python}: install python3-aiosmtpd (scripts/test.sh does). {error}");
        }
    }

    private void WaitUntilListening(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with code {_process.ExitCode} before listening: {Output()}");
            }

            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (SocketException e)
            {
                throw new InvalidOperationException($"aiosmtpd not listening on {Host}:{Port} after {timeout}: {e.Message} {Output()}", e);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
