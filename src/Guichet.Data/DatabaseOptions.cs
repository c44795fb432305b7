using System.ComponentModel.DataAnnotations;

namespace Guichet.Data;

/// <summary>Section <c>Database</c>: which provider and where.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>PostgreSql</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>For SQLite, defaults to a file under <c>./data</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/guichet.db";
}
