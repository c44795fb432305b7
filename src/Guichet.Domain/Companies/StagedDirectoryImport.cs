namespace Guichet.Domain.Companies;

/// <summary>
/// A member-directory file a staff member uploaded and checked, waiting for "Appliquer l'import": the apply step reads
/// the file from here (its form carries this row's id and the fingerprint of the preview it showed). Removed when
/// applied; refused, then purged, after <see cref="Lifetime"/>.
/// </summary>
public sealed class StagedDirectoryImport
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public const int MaxFileNameLength = 255;

    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The file's text, decoded and checked.</summary>
    public required string Text { get; set; }

    public required string FileName { get; set; }

    /// <summary>The audit name of who uploaded it (<c>staff:&lt;email&gt;</c>): only they may apply it.</summary>
    public required string StagedBy { get; set; }

    public DateTimeOffset StagedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
}
