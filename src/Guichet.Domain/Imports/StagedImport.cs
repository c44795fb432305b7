namespace Guichet.Domain.Imports;

/// <summary>Which import reads a staged file: an upload of one kind is never previewed or applied as another.</summary>
public enum StagedImportKind
{
    /// <summary>The member directory (<c>SIREN;code adhérent;raison sociale</c>).</summary>
    MemberDirectory,

    /// <summary>The Partenaire space's establishments (<c>siret;nom;adresse;code_postal;ville</c>).</summary>
    Establishments,
}

/// <summary>
/// A CSV file a staff member uploaded and checked, waiting for "Appliquer l'import": the apply step reads the file from
/// here (its form carries this row's id and the fingerprint of the preview it showed). Removed when applied; refused,
/// then purged, after <see cref="Lifetime"/>. One table for every import, told apart by <see cref="Kind"/>: the
/// uploads share their lifetime, their owner rule and their purge, and only their file's format differs.
/// </summary>
public sealed class StagedImport
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const int MaxFileNameLength = 255;

    public Guid Id { get; set; } = Guid.NewGuid();

    public StagedImportKind Kind { get; set; }

    /// <summary>The file's text, decoded and checked.</summary>
    public required string Text { get; set; }

    public required string FileName { get; set; }

    /// <summary>The audit name of who uploaded it (<c>staff:&lt;email&gt;</c>): only they may apply it.</summary>
    public required string StagedBy { get; set; }

    public DateTimeOffset StagedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
}
