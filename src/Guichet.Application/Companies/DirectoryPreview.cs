using System.Globalization;

namespace Guichet.Application.Companies;

public sealed record DirectoryAddition(string Siren, string MemberCode, string Name);

/// <summary>A company already in the directory whose member code or name the file changes.</summary>
public sealed record DirectoryChange(string Siren, string OldMemberCode, string OldName, string NewMemberCode, string NewName);

/// <summary>What a member-directory file does to the directory as it is now; nothing is written to compute it.</summary>
public sealed record DirectoryPreview(IReadOnlyList<DirectoryAddition> Added, IReadOnlyList<DirectoryChange> Changed, int Unchanged)
{
    /// <summary>Equal for two previews that make the same changes: what the apply step compares with what was shown.</summary>
    public string Fingerprint() => Imports.Fingerprint.Of(
    [
        .. Added.Select(a => new[] { "+", a.Siren, a.MemberCode, a.Name }),
        .. Changed.Select(c => new[] { "~", c.Siren, c.OldMemberCode, c.OldName, c.NewMemberCode, c.NewName }),
        ["=", Unchanged.ToString(CultureInfo.InvariantCulture)],
    ]);
}

/// <summary>An import applied: its counts, and the preview it applied.</summary>
public sealed record DirectoryImport(int Added, int Updated, int Unchanged);
