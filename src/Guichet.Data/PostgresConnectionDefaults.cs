using System.Data.Common;
using Npgsql;

namespace Guichet.Data;

/// <summary>
/// What the server adds to the operator's PostgreSQL connection string unless it says otherwise (bench/README.md,
/// "What was changed"):
/// <list type="bullet">
/// <item><c>Max Auto Prepare</c>: Npgsql prepares a statement on its connection once it has run a few times, so that
/// PostgreSQL stops parsing and planning the same few lookups every SOAP call makes (Npgsql's default, 0, never does).</item>
/// <item><c>No Reset On Close</c>: a pooled connection is not reset (<c>DISCARD ALL</c>) each time EF Core gives it back,
/// which it does after every statement outside a transaction. The server leaves no session state behind: no temporary
/// table, no <c>SET</c>, and the one advisory lock (the key ring's first key) is released on the connection that took it.</item>
/// </list>
/// </summary>
public static class PostgresConnectionDefaults
{
    /// <summary>Statements kept prepared per connection: far more than the lookups of the hot paths.</summary>
    public const int MaxAutoPrepare = 64;

    public static string Apply(string connectionString)
    {
        // Npgsql's builder answers ContainsKey for any keyword it knows: what the operator wrote is read as written
        // (either spelling: "Max Auto Prepare" or "MaxAutoPrepare", any case).
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!written.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
