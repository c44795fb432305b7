using Microsoft.Data.Sqlite;

namespace Guichet.Data;

internal static class SqliteDataSource
{
    /// <summary>A database in memory (<c>:memory:</c>, no file name, or <c>Mode=Memory</c>): no file to share or to sit beside.</summary>
    public static bool IsInMemory(SqliteConnectionStringBuilder builder) =>
        builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:";
}
