using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Data;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GuichetDbContext"/> on the configured provider, scoped as before but taken from a pool: a new
    /// context builds its internal services on first use, a sixth of a cheap SOAP call's CPU (bench/README.md). EF Core
    /// resets a context it takes back (tracked entities, events, tracking and transaction options, the connection and its
    /// command timeout: Hosting/DbContextPoolTests); nothing may keep state of its own on the context (no fields, no
    /// OnConfiguring).
    /// </summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services, DatabaseOptions options)
    {
        if (string.Equals(options.Provider, "PostgreSql", StringComparison.OrdinalIgnoreCase))
        {
            services.AddDbContextPool<GuichetDbContext, PostgresGuichetDbContext>(db =>
                db.UseNpgsql(PostgresConnectionDefaults.Apply(options.ConnectionString)));
        }
        else if (string.Equals(options.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            EnsureSqliteFolder(options.ConnectionString);
            // Writers of this process queue in memory rather than in SQLite's busy retry (SqliteWriteGate).
            services.TryAddSingleton<SqliteWriteGate>();
            // Each connection's page cache smaller than SQLite's default (SqlitePageCache).
            services.TryAddSingleton<SqlitePageCache>();
            // The store's reads on connections kept open with their statements prepared (SqlitePreparedReads).
            services.TryAddSingleton<SqlitePreparedReads>();
            services.AddDbContextPool<GuichetDbContext, SqliteGuichetDbContext>((provider, db) =>
                UseSqlite(db, options.ConnectionString, provider).AddInterceptors(provider.GetRequiredService<SqlitePreparedReads>()));
            if (NonceFileDbContext.ConnectionStringBeside(options.ConnectionString) is { } nonceFile)
            {
                services.AddDbContextPool<NonceFileDbContext>((provider, db) => UseSqlite(db, nonceFile, provider));
                services.AddScoped<INonceStore>(provider => provider.GetRequiredService<NonceFileDbContext>());
            }
        }
        else
        {
            throw new InvalidOperationException($"Unknown database provider '{options.Provider}': use Sqlite or PostgreSql.");
        }

        // Elsewhere (PostgreSQL, an in-memory SQLite store) the nonces are in the store; on PostgreSQL every instance shares
        // them, the replay check being the store's unique index.
        services.TryAddScoped<INonceStore>(provider => provider.GetRequiredService<GuichetDbContext>());

        return services;
    }

    /// <summary>Every SQLite context, the store's and the nonce file's: the same write gate and page cache.</summary>
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder db, string connectionString, IServiceProvider provider) =>
        db.UseSqlite(connectionString)
            .AddInterceptors(provider.GetRequiredService<SqliteWriteGate>(), provider.GetRequiredService<SqlitePageCache>());

    private static void EnsureSqliteFolder(string connectionString)
    {
        var folder = Path.GetDirectoryName(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
