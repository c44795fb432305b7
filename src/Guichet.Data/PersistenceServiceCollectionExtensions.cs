using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Data;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>Registers <see cref="GuichetDbContext"/> on the configured provider.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseOptions options)
    {
        if (string.Equals(options.Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContext<GuichetDbContext, PostgresGuichetDbContext>(db => db.UseNpgsql(options.ConnectionString));
        }
        else if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            EnsureSqliteFolder(options.ConnectionString);
            services.AddDbContext<GuichetDbContext, SqliteGuichetDbContext>(db => db.UseSqlite(options.ConnectionString));
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{options.Provider}': use Sqlite or PostgreSql.");
        }

        return services;
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
