using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Guichet.Data;

// Used by `dotnet ef migrations add` only: each provider's migrations are generated against its own context.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGuichetDbContext>
{
    public SqliteGuichetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGuichetDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGuichetDbContext>
{
    public PostgresGuichetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGuichetDbContext>().UseNpgsql("Host=localhost;Database=guichet_design").Options);
}

internal sealed class NonceFileDesignTimeFactory : IDesignTimeDbContextFactory<NonceFileDbContext>
{
    public NonceFileDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NonceFileDbContext>().UseSqlite("Data Source=design-nonces.db").Options);
}
