using Guichet.Application.Imports;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Identifiers;

namespace Guichet.Application.Companies;

/// <summary>One company of a member-directory file, at its line.</summary>
public sealed record DirectoryLine(int Line, string Siren, string MemberCode, string Name);

/// <summary>
/// The member-directory file (<c>SIREN;code adhérent;raison sociale</c>, an optional header line), as the operator's
/// command and the back office's upload both read it (<see cref="CsvUpload"/>): every line checked, every bad line
/// reported with its number.
/// </summary>
public static class MemberDirectoryFile
{
    /// <summary>Every line checked; one bad line and the file is refused, with every bad line (field <c>ligne N</c>).</summary>
    public static async Task<Result<IReadOnlyList<DirectoryLine>>> ReadAsync(TextReader csv, string field)
    {
        var lines = new List<DirectoryLine>();
        var sirens = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<Error>();
        using var reader = CsvUpload.Reader(csv);
        while (await reader.ReadAsync())
        {
            var line = reader.Parser.RawRow;
            var siren = reader.GetField(0)?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
            if (line == 1 && !siren.All(char.IsAsciiDigit))
            {
                continue; // A header line.
            }

            var code = reader.GetField(1) ?? string.Empty;
            var name = reader.GetField(2) ?? string.Empty;
            var at = CsvUpload.LineField(line);
            if (reader.Parser.Count != 3)
            {
                errors.Add(CompanyErrors.DirectoryColumns(reader.Parser.Count, at));
            }
            else if (!Siren.IsValid(siren))
            {
                errors.Add(CompanyErrors.DirectorySirenInvalid(siren, at));
            }
            else if (code.Length is 0 or > Company.MaxMemberCodeLength || name.Length is 0 or > Company.MaxNameLength)
            {
                errors.Add(CompanyErrors.DirectoryCodeOrNameMissing(at));
            }
            else if (!sirens.Add(siren))
            {
                errors.Add(CompanyErrors.DirectorySirenTwice(siren, at));
            }
            else
            {
                lines.Add(new DirectoryLine(line, siren, code, name));
            }
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<DirectoryLine>>.Failure(ErrorCodes.InvalidFile, errors);
        }

        return lines.Count == 0 ? CompanyErrors.DirectoryNoCompany(field) : Result<IReadOnlyList<DirectoryLine>>.Success(lines);
    }
}
