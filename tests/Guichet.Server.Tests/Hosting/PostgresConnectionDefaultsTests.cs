using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Guichet.Server.Tests.Hosting;

/// <summary>What the server adds to a PostgreSQL connection string, and that an operator's own choice wins.</summary>
public sealed class PostgresConnectionDefaultsTests
{
    [Fact]
    public void Defaults_AreAdded_WhenTheOperatorSaysNothing()
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply("Host=db;Database=guichet;Username=g"));

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.True(applied.NoResetOnClose);
        Assert.Equal("db", applied.Host);
        Assert.Equal("guichet", applied.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;maxautoprepare=0;NoResetOnClose=false")]
    public void OperatorsChoice_IsKept(string connectionString)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionDefaults.Apply(connectionString));

        Assert.Equal(0, applied.MaxAutoPrepare);
        Assert.False(applied.NoResetOnClose);
    }

    [Fact]
    public async Task ServersContext_UsesTheDefaults()
    {
        var services = new ServiceCollection()
            .AddPersistence(new DatabaseOptions { Provider = "PostgreSql", ConnectionString = "Host=db;Database=guichet" })
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();

        var used = scope.ServiceProvider.GetRequiredService<GuichetDbContext>().Database.GetConnectionString();

        Assert.Equal(PostgresConnectionDefaults.MaxAutoPrepare, new NpgsqlConnectionStringBuilder(used).MaxAutoPrepare);
    }
}
