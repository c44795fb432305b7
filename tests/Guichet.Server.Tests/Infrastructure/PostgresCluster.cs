using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb into a temporary folder, started on a free loopback port,
/// stopped when the process exits. Never skipped: without PostgreSQL binaries the tests that need it fail.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> s_shared = new(Start);

    private readonly string _folder;
    private readonly string _bin;

    private PostgresCluster(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public static PostgresCluster Shared => s_shared.Value;

    public int Port { get; }

    /// <summary>A new, empty database on the shared cluster.</summary>
    public string CreateDatabase()
    {
        var name = "guichet_" + Guid.NewGuid().ToString("N")[..12];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Include Error Detail=true";

    private static PostgresCluster Start()
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "guichet-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres system user.
            Run("chown", $"postgres \"{folder}\"", null);
        }

        var data = Path.Combine(folder, "data");
        RunPg(asRoot, Path.Combine(bin, "initdb"), $"-D \"{data}\" -U postgres -A trust -E UTF8 --no-locale");
        var port = FreePort();
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300";
        RunPg(asRoot, Path.Combine(bin, "pg_ctl"), $"-D \"{data}\" -l \"{Path.Combine(folder, "log")}\" -w -t 60 -o \"{options}\" start");
        var cluster = new PostgresCluster(folder, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(asRoot);
        return cluster;
    }

    private void Stop(bool asRoot)
    {
        try
        {
            RunPg(asRoot, Path.Combine(_bin, "pg_ctl"), $"-D \"{Path.Combine(_folder, "data")}\" -m immediate stop");
            Directory.Delete(_folder, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Best effort at exit.
        }
        catch (IOException)
        {
        }
    }

    private static string FindBinaries()
    {
        var configured = Environment.GetEnvironmentVariable("GUICHET_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderDescending()
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException("PostgreSQL binaries not found: install postgresql or set GUICHET_PG_BIN.");
    }

    private static void RunPg(bool asRoot, string program, string arguments)
    {
        if (asRoot)
        {
            Run("runuser", $"-u postgres -- {program} {arguments}", "/tmp");
        }
        else
        {
            Run(program, arguments, null);
        }
    }

    private static void Run(string program, string arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {output.Result} {error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
