using Guichet.Data.Configurations;
using Guichet.Domain.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Data;

/// <summary>
/// SQLite only: the used WS-Security nonces in a database file of their own, beside the store (<c>guichet-nonces.db</c>
/// beside <c>guichet.db</c>). Every SOAP call commits its nonce, and a commit on a SQLite file empties the page cache of
/// every other connection to that file: in the store, each call's lookups then read their B-tree pages again, about a
/// tenth of a cheap call's CPU (bench/README.md, "Nonces in a file of their own"). In a file of their own, the nonces'
/// commits leave the accounts' pages cached. Durable as before (each commit synced before its request is answered); the
/// file needs no backup, since a nonce matters only within its token's freshness window. Pooled: no state of its own.
/// </summary>
public sealed class NonceFileDbContext(DbContextOptions<NonceFileDbContext> options) : DbContext(options), INonceStore
{
    public DbSet<UsedNonce> UsedNonces => Set<UsedNonce>();

    /// <summary>
    /// The nonce file's connection string, derived from the store's: the same settings, the file named
    /// <c>&lt;name&gt;-nonces&lt;extension&gt;</c> in the same folder. Null for an in-memory store, whose nonces stay in it.
    /// </summary>
    public static string? ConnectionStringBeside(string storeConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(storeConnectionString);
        if (SqliteDataSource.IsInMemory(builder))
        {
            return null;
        }

        var source = builder.DataSource;
        builder.DataSource = Path.Combine(Path.GetDirectoryName(source) ?? "",
            Path.GetFileNameWithoutExtension(source) + "-nonces" + Path.GetExtension(source));
        return builder.ToString();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new UsedNonceConfiguration());

    // As in the store (SqliteGuichetDbContext): UTC ticks, so that the purge compares in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
}
