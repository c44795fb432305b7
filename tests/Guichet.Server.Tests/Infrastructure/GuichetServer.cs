using Guichet.Application.WhiteLabels;
using Guichet.Data;
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
        : this(provider, shared: null)
    {
    }

    /// <summary>
    /// Another instance on an existing database (e.g. <c>new GuichetServer(first.Provider, first.ConnectionString,
    /// first.KeysFolder)</c>): it must share the first one's DataProtection keys to read the white labels' secrets.
    /// </summary>
    public GuichetServer(DatabaseProvider provider, string connectionString, string keysFolder)
        : this(provider, shared: (connectionString, keysFolder))
    {
    }

    private GuichetServer(DatabaseProvider provider, (string ConnectionString, string KeysFolder)? shared)
    {
        Provider = provider;
        Directory.CreateDirectory(_folder);
        ConnectionString = shared?.ConnectionString ?? (provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(_folder, "guichet.db")}"
            : PostgresCluster.Shared.CreateDatabase());
        KeysFolder = shared?.KeysFolder ?? Path.Combine(_folder, "keys");
        _sharedTenant = new(() => Tenant.CreateAsync(this));
        UseKestrel(0);
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

    /// <summary>The DataProtection keys folder; instances sharing a database must share it.</summary>
    public string KeysFolder { get; }

    /// <summary>Base address of the running server, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public Uri RegisteringEndpoint => new(BaseAddress, "ws/registering");

    /// <summary>Extra settings a test class needs (applied before start).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("DataProtection:KeysFolder", KeysFolder);
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
