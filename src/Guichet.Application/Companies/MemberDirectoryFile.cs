using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Identifiers;

namespace Guichet.Application.Companies;

/// <summary>One company of a member-directory file, at its line.</summary>
public sealed record DirectoryLine(int Line, string Siren, string MemberCode, string Name);

/// <summary>
/// The member-directory file (<c>SIREN;code adhérent;raison sociale</c>, an optional header line), as the operator's
/// command and the back office's upload both read it: UTF-8 text (a byte-order mark allowed), every line checked, every bad
/// line reported with its number.
/// </summary>
public static class MemberDirectoryFile
{
    /// <summary>Some 80,000 companies: far more than a fund's directory, far less than a risk for the server.</summary>
    public const int MaxMegabytes = 5;

    public const int MaxBytes = MaxMegabytes * 1024 * 1024;

    private static readonly string[] s_extensions = [".csv", ".txt"];

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>An uploaded file's name: a spreadsheet's CSV export, not a workbook or a PDF picked by mistake.</summary>
    public static Error? CheckName(string? fileName, string field) =>
        s_extensions.Contains(Path.GetExtension(fileName ?? string.Empty),
            StringComparer.OrdinalIgnoreCase) ? null : CompanyErrors.DirectoryFileType(field);

    /// <summary>The file's bytes as text: not empty, at most <see cref="MaxBytes"/>, UTF-8, no NUL (a binary file).</summary>
    public static Result<string> Decode(ReadOnlySpan<byte> bytes, string field)
    {
        if (bytes.Length > MaxBytes)
        {
            return CompanyErrors.DirectoryFileTooLarge(MaxMegabytes, field);
        }

        if (bytes.StartsWith(Encoding.UTF8.Preamble))
        {
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return CompanyErrors.DirectoryFileEncoding(field);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return CompanyErrors.DirectoryFileEncoding(field);
        }

        return string.IsNullOrWhiteSpace(text) ? CompanyErrors.DirectoryFileEmpty(field) : text;
    }

    /// <summary>Every line checked; one bad line and the file is refused, with every bad line (field <c>ligne N</c>).</summary>
    public static async Task<Result<IReadOnlyList<DirectoryLine>>> ReadAsync(TextReader csv, string field)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var lines = new List<DirectoryLine>();
        var sirens = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<Error>();
        using var reader = new CsvReader(csv, configuration);
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
            var at = $"ligne {line}";
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
