using Guichet.Application.Security;
using Guichet.Application.WhiteLabels;
using Guichet.Data;
using Guichet.Domain.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The real server (Kestrel on a loopback port) on a fresh database of the given provider.</summary>
public class GuichetServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-test-" + Guid.NewGuid().ToString("N")[..8]);

    public GuichetServer(DatabaseProvider provider)
        : this(provider, connectionString: null, keysFolder: null, keyRingCertificate: null)
    {
    }

    /// <summary>
    /// The same server again on an existing database and key folder, as a restart or a second process on the same machine
    /// sees them (e.g. <c>new GuichetServer(first.Provider, first.ConnectionString, first.KeysFolder)</c>).
    /// </summary>
    public GuichetServer(DatabaseProvider provider, string connectionString, string keysFolder)
        : this(provider, connectionString, keysFolder, keyRingCertificate: null)
    {
    }

    /// <summary>
    /// An instance whose Data Protection keys are in the database (<c>DataProtection:KeyStore=Database</c>), encrypted with
    /// <paramref name="certificate"/>: on a new database, or on another instance's (<paramref name="connectionString"/>),
    /// sharing nothing else with it — its own folder, clock, mail pickup and memory.
    /// </summary>
    public GuichetServer(DatabaseProvider provider, TestCertificate certificate, string? connectionString = null)
        : this(provider, connectionString, keysFolder: null, certificate)
    {
    }

    private GuichetServer(DatabaseProvider provider, string? connectionString, string? keysFolder, TestCertificate? keyRingCertificate)
    {
        Provider = provider;
        KeyRingCertificate = keyRingCertificate;
        Directory.CreateDirectory(_folder);
        ConnectionString = connectionString ?? (provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(_folder, "guichet.db")}"
            : PostgresCluster.Shared.CreateDatabase());
        KeysFolder = keysFolder ?? Path.Combine(_folder, "keys");
        _sharedTenant = new(() => Tenant.CreateAsync(this));
        // Not UseKestrel(0): that rewrites the server's addresses after Build(), while the app's own thread may already be
        // starting Kestrel, and then throws "Addresses cannot be modified after the server has started"
        // (dotnet/aspnetcore#67714). The loopback port 0 comes from the "urls" setting instead (ConfigureWebHost).
        UseKestrel();
        try
        {
            StartServer();
        }
        catch
        {
            // A server that refuses to start (OptionsValidationTests) leaves no folder behind.
            SqliteCleanup();
            throw;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The server's clock; advance it rather than sleeping.</summary>
    public TestClock Clock { get; } = new();

    public string ConnectionString { get; }

    /// <summary>Where the embedded default's mail pickup writes <c>.eml</c> files (unless a test sends through SMTP).</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>The DataProtection keys folder (the default key store); instances sharing a database must then share it.</summary>
    public string KeysFolder { get; }

    /// <summary>With the database key store, the certificate that encrypts the keys (null: the folder store).</summary>
    public TestCertificate? KeyRingCertificate { get; }

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public Uri RegisteringEndpoint => new(BaseAddress, "ws/registering");

    /// <summary>
    /// True: the server hashes passwords as in production (PBKDF2 at 210,000 iterations); false, the default: at 1,000
    /// (<see cref="QuickPasswordHashing"/>), for the tests that do not test the hashing's cost.
    /// </summary>
    protected virtual bool HashesAtFullCost => false;

    /// <summary>Extra settings a test class needs (applied before start).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(WebHostDefaults.ServerUrlsKey, "http://127.0.0.1:0");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("DataProtection:KeysFolder", KeysFolder);
        foreach (var (key, value) in KeyRingCertificate?.DatabaseKeyStore ?? [])
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Enrolment:PollInterval", "00:00:00.200");
        builder.UseSetting("Mail:PickupFolder", MailFolder);
        // The worker is woken when this server writes mail; the poll serves retries and other instances' mail.
        builder.UseSetting("Mail:Outbox:PollInterval", "00:00:00.200");
        // Every test posts from 127.0.0.1: the per-address budgets are tested on their own (RateLimitTests,
        // FailedAuthenticationBudgetTests).
        builder.UseSetting("Portal:AnonymousFormPostsPerMinute", "100000");
        builder.UseSetting("Security:FailedWhiteLabelAuthenticationsPerAddressPerMinute", "100000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (!HashesAtFullCost)
            {
                services.AddSingleton<PasswordHashing, QuickPasswordHashing>();
            }

            ConfigureServices(services);
        });
    }

    /// <summary>Services a test class replaces (applied last, before start).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> InDbAsync<T>(Func<GuichetDbContext, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<GuichetDbContext>()));

    /// <summary>The used nonces: in the store on PostgreSQL, in the nonce file on SQLite (<see cref="INonceStore"/>).</summary>
    public Task<T> InNoncesAsync<T>(Func<INonceStore, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<INonceStore>()));

    /// <summary>Nonces of <paramref name="whiteLabelId"/> as if used, each expiring when given (the maintenance's tests).</summary>
    public Task<int> AddNoncesAsync(Guid whiteLabelId, params (string Nonce, DateTimeOffset ExpiresAt)[] nonces) => InNoncesAsync(store =>
    {
        store.UsedNonces.AddRange(nonces.Select(n => new UsedNonce { WhiteLabelId = whiteLabelId, Nonce = n.Nonce, ExpiresAt = n.ExpiresAt }));
        return store.SaveChangesAsync();
    });

    private readonly Lazy<Task<Tenant>> _sharedTenant;

    /// <summary>
    /// One tenant shared by the tests of a server that only need "some white label": each still makes its own accounts.
    /// Saves the administrator's slow password hash per test.
    /// </summary>
    public Task<Tenant> SharedTenantAsync() => _sharedTenant.Value;

    /// <summary>A new white label with unique code and credentials, for one test.</summary>
    public async Task<WhiteLabelCredentials> CreateWhiteLabelAsync(Func<NewWhiteLabel, NewWhiteLabel>? configure = null)
    {
        var code = "wl" + Guid.NewGuid().ToString("N")[..10];
        var request = new NewWhiteLabel(code, new WhiteLabelSettings("Marque " + code, code + ".example.fr"));
        request = configure?.Invoke(request) ?? request;
        var result = await InScopeAsync(services =>
            services.GetRequiredService<CreateWhiteLabel>().HandleAsync(request, "test", null, CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value;
    }

    public async Task<(string Login, string Password)> CreateAdministratorAsync(string whiteLabelCode)
    {
        var login = "adm" + Guid.NewGuid().ToString("N")[..10];
        var result = await InScopeAsync(services =>
            services.GetRequiredService<CreateAdministrator>().HandleAsync(whiteLabelCode, login, null, "test", CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (result.Value.Login, result.Value.Password);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            SqliteCleanup();
            if (Provider == DatabaseProvider.PostgreSql)
            {
                // Npgsql's pools are per connection string and outlive the server: a stopped server's idle connections
                // would otherwise hold the cluster's slots for their idle lifetime, and a quick suite runs out of them.
                using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionDefaults.Apply(ConnectionString));
                Npgsql.NpgsqlConnection.ClearPool(connection);
            }
        }
    }

    private void SqliteCleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}

/// <summary>One server per provider, shared by the tests of a class (each test makes its own white label).</summary>
public sealed class SqliteServerFixture() : GuichetServer(DatabaseProvider.Sqlite);

public sealed class PostgresServerFixture() : GuichetServer(DatabaseProvider.PostgreSql);
