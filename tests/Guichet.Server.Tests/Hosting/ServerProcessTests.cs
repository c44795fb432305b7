using System.Diagnostics;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Guichet.Domain.Common;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Soap;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The server as its process starts it, on ASP.NET Core's slim host builder (Program.cs): the libraries it maps, read
/// from <c>/proc/&lt;pid&gt;/maps</c> of a real server process (the tests' own process loads whatever any test needs),
/// each counting in every instance's resident memory (bench/README.md, "The slim host builder"); and the HTTPS endpoints
/// that builder leaves out unless asked.
/// </summary>
public sealed partial class ServerProcessTests
{
    [Fact]
    public async Task ServerOnSqlite_MapsNeitherIisNorHttp3NorPostgreSqlsProvider()
    {
        var mapped = await MappedAfterAFirstRequestAsync(new Dictionary<string, string>());

        // What the server does map, so that an unreadable or empty list cannot pass.
        Assert.Contains("Microsoft.AspNetCore.Server.Kestrel.Core.dll", mapped);
        Assert.Contains("Microsoft.EntityFrameworkCore.Sqlite.dll", mapped);
        Assert.DoesNotContain("Microsoft.AspNetCore.Server.IIS.dll", mapped);
        Assert.DoesNotContain("Microsoft.AspNetCore.Server.IISIntegration.dll", mapped);
        Assert.DoesNotContain("Microsoft.AspNetCore.Server.Kestrel.Transport.Quic.dll", mapped);
        Assert.DoesNotContain("System.Net.Quic.dll", mapped);
        Assert.DoesNotContain("Npgsql.EntityFrameworkCore.PostgreSQL.dll", mapped);
    }

    [Fact]
    public async Task ServerOnPostgreSql_MapsNoneOfSqlitesLibraries()
    {
        var mapped = await MappedAfterAFirstRequestAsync(new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = PostgresCluster.Shared.CreateDatabase(),
        });

        Assert.Contains("Npgsql.EntityFrameworkCore.PostgreSQL.dll", mapped);
        Assert.Contains("Npgsql.dll", mapped);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore.Sqlite.dll", mapped);
        Assert.DoesNotContain("Microsoft.Data.Sqlite.dll", mapped);
        Assert.DoesNotContain("SQLitePCLRaw.core.dll", mapped);
        Assert.DoesNotContain("libe_sqlite3.so", mapped);
    }

    [Fact]
    public async Task ServerGivenACertificate_AnswersOverHttps()
    {
        using var certificate = new TestCertificate();
        string expected;
        using (var loaded = X509CertificateLoader.LoadPkcs12FromFile(certificate.Path, certificate.Password))
        {
            expected = loaded.Thumbprint;
        }

        Dictionary<string, string> settings = new()
        {
            ["Kestrel__Certificates__Default__Path"] = certificate.Path,
            ["Kestrel__Certificates__Default__Password"] = certificate.Password,
        };

        var (status, presented) = await WithStartedServerAsync("https", settings, async (_, address) =>
        {
            string? seen = null;
            using var handler = new HttpClientHandler
            {
                // This certificate and no other: what the server presented is the test's point.
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => (seen = presented?.Thumbprint) == expected,
            };
            using var http = new HttpClient(handler) { BaseAddress = address };
            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
            return (health.StatusCode, seen);
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, presented);
    }

    /// <summary>
    /// The file names the server maps once it has answered a first request and a first SOAP call (a white label it does
    /// not know, refused by the service after its look-up), which load what serving them needs.
    /// </summary>
    private static Task<HashSet<string>> MappedAfterAFirstRequestAsync(IReadOnlyDictionary<string, string> settings) =>
        WithStartedServerAsync("http", settings, async (server, address) =>
        {
            using var http = new HttpClient { BaseAddress = address };
            using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
            health.EnsureSuccessStatusCode();
            var soap = await RawSoap.PostAsync(new Uri(address, RegisteringServiceExtensions.Path),
                RawSoap.Envelope(RawSoap.Security("inconnu", "secret") + RawSoap.Context("inconnu", "secret"), RawSoap.GetAccountState("inconnu")));
            soap.AssertClientFault(ErrorCodes.WhiteLabelAuthenticationFailed);
            return (await File.ReadAllLinesAsync($"/proc/{server.Id}/maps"))
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(fields => fields.Length >= 6 && fields[5].StartsWith('/'))
                .Select(fields => Path.GetFileName(fields[5]))
                .ToHashSet(StringComparer.Ordinal);
        });

    /// <summary>
    /// Starts the server the build copied beside the tests, on its embedded default (SQLite under ./data of a folder of
    /// its own) unless the settings name another store, on a loopback port of the scheme, waits until it says it listens,
    /// and runs the check on it.
    /// </summary>
    private static async Task<T> WithStartedServerAsync<T>(string scheme, IReadOnlyDictionary<string, string> settings,
        Func<Process, Uri, Task<T>> check)
    {
        var folder = Directory.CreateTempSubdirectory("guichet-process-");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Guichet.Server.dll"));
        start.Environment["ASPNETCORE_URLS"] = $"{scheme}://127.0.0.1:0";
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        using var server = Process.Start(start)!;
        try
        {
            return await check(server, await ListeningAddressAsync(server));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Uri> ListeningAddressAsync(Process server)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = new List<string>();
        while (await server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            output.Add(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("The server stopped before listening:\n" + string.Join('\n', output)
            + '\n' + await server.StandardError.ReadToEndAsync(CancellationToken.None));
    }

    [GeneratedRegex(@"Now listening on: (https?://\S+)")]
    private static partial Regex ListeningOn();
}
