using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// Each context runs on the model generated into Guichet.Data/CompiledModels, not on one its configurations build at
/// start (bench/README.md, "The compiled models"), and that model is the one the configurations build today: a model
/// changed without <c>scripts/compiled-models.sh</c> fails here, and the server would otherwise keep the old one.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Contexts => ["Sqlite", "PostgreSql", "NonceFile"];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void TheContext_RunsOnTheCompiledModel_WhichIsTheOneItsConfigurationsBuild(string name)
    {
        using var db = Create(name);
        var compiled = db.Model;
        var built = db.GetService<IDesignTimeModel>().Model;

        Assert.Equal($"Guichet.Data.CompiledModels.{name}", compiled.GetType().Namespace);
        var (expected, actual) = (Describe(built), Describe(compiled));
        Assert.True(expected.SequenceEqual(actual), "The compiled model is not the configurations' (run scripts/compiled-models.sh):\n"
            + string.Join('\n', expected.Except(actual).Select(fact => "- " + fact).Concat(actual.Except(expected).Select(fact => "+ " + fact))));
    }

    private static DbContext Create(string name) => name switch
    {
        "Sqlite" => new SqliteGuichetDbContext(new DbContextOptionsBuilder<SqliteGuichetDbContext>().UseSqlite("Data Source=:memory:").Options),
        "PostgreSql" => new PostgresGuichetDbContext(
            new DbContextOptionsBuilder<PostgresGuichetDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options),
        _ => new NonceFileDbContext(new DbContextOptionsBuilder<NonceFileDbContext>().UseSqlite("Data Source=:memory:").Options),
    };

    /// <summary>
    /// What the two models must agree on, one line per fact: each entity's table, keys, indexes and foreign keys, each
    /// property's column, store type and CLR side. (EF Core's migrations differ reads the design-time model only.)
    /// </summary>
    private static List<string> Describe(IModel model)
    {
        List<string> facts = [];
        foreach (var entity in model.GetEntityTypes().OrderBy(entity => entity.Name, StringComparer.Ordinal))
        {
            facts.Add($"{entity.Name}: table {entity.GetTableName()}");
            facts.AddRange(entity.GetKeys().Select(key => $"{entity.Name}: key {Columns(key.Properties)}"));
            facts.AddRange(entity.GetIndexes().Select(index => $"{entity.Name}: index {Columns(index.Properties)}, unique {index.IsUnique}"));
            facts.AddRange(entity.GetForeignKeys().Select(key =>
                $"{entity.Name}: foreign key {Columns(key.Properties)} to {key.PrincipalEntityType.Name}, {key.DeleteBehavior}"));
            facts.AddRange(entity.GetProperties().Select(property =>
                $"{entity.Name}.{property.Name}: column {property.GetColumnName()} {property.GetRelationalTypeMapping().StoreType}, "
                + $"{property.ClrType} as {property.GetProviderClrType()}, converter {property.GetValueConverter()?.GetType().Name}, "
                + $"comparer {property.GetValueComparer().GetType().Name}, nullable {property.IsNullable}, max {property.GetMaxLength()}, "
                + $"token {property.IsConcurrencyToken}, generated {property.ValueGenerated}"));
        }

        return [.. facts.Order(StringComparer.Ordinal)];
    }

    private static string Columns(IEnumerable<IProperty> properties) => string.Join(", ", properties.Select(property => property.Name));
}
