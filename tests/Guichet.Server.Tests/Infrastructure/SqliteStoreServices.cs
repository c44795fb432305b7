using Guichet.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// The persistence services alone, as <c>AddPersistence</c> registers them, on a SQLite store in a folder of its own, or
/// on the store a connection string names (an in-memory one).
/// </summary>
public sealed class SqliteStoreServices : IAsyncDisposable
{
    public SqliteStoreServices(string name, string? connectionString = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"guichet-{name}-" + Guid.NewGuid().ToString("N")[..8]);
        Services = new ServiceCollection()
            .AddLogging()
            .AddMetrics()
            .AddPersistence(new DatabaseOptions
            {
                Provider = "Sqlite",
                ConnectionString = connectionString ?? $"Data Source={Path.Combine(Folder, "guichet.db")}",
            })
            .BuildServiceProvider();
    }

    public string Folder { get; }

    public ServiceProvider Services { get; }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}
