using System.Security.Cryptography;
using System.Text;

namespace Guichet.Application.Companies;

public sealed record DirectoryAddition(string Siren, string MemberCode, string Name);

/// <summary>A company already in the directory whose member code or name the file changes.</summary>
public sealed record DirectoryChange(string Siren, string OldMemberCode, string OldName, string NewMemberCode, string NewName);

/// <summary>What a member-directory file does to the directory as it is now; nothing is written to compute it.</summary>
public sealed record DirectoryPreview(IReadOnlyList<DirectoryAddition> Added, IReadOnlyList<DirectoryChange> Changed, int Unchanged)
{
    /// <summary>Equal for two previews that make the same changes: what the apply step compares with what was shown.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var added in Added)
        {
            text.Append("+\t").Append(added.Siren).Append('\t').Append(added.MemberCode).Append('\t').Append(added.Name).Append('\n');
        }

        foreach (var changed in Changed)
        {
            text.Append("~\t").Append(changed.Siren).Append('\t').Append(changed.OldMemberCode).Append('\t').Append(changed.OldName)
                .Append('\t').Append(changed.NewMemberCode).Append('\t').Append(changed.NewName).Append('\n');
        }

        text.Append('=').Append(Unchanged);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>An import applied: its counts, and the preview it applied.</summary>
public sealed record DirectoryImport(int Added, int Updated, int Unchanged);
