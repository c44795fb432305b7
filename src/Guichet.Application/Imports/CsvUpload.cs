using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Guichet.Domain.Common;

namespace Guichet.Application.Imports;

/// <summary>
/// What every back-office CSV import does with the bytes it is given (the operator's commands and the uploads alike):
/// a spreadsheet's CSV export, UTF-8 (a byte-order mark allowed), at most <see cref="MaxMegabytes"/>, read with
/// <c>;</c> as the separator, quotes for a <c>;</c> inside a field, blanks around fields trimmed. Each file's own format
/// (its columns, its lines' rules) is read by its capability.
/// </summary>
public static class CsvUpload
{
    /// <summary>Some 80,000 lines: far more than a fund's directory, far less than a risk for the server.</summary>
    public const int MaxMegabytes = 5;

    public const int MaxBytes = MaxMegabytes * 1024 * 1024;

    public const string Separator = ";";

    private static readonly string[] s_extensions = [".csv", ".txt"];

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// An uploaded file's text: present (else <paramref name="missing"/>), named like a spreadsheet's CSV export (not a
    /// workbook or a PDF picked by mistake), then <see cref="Decode"/>d.
    /// </summary>
    public static Result<string> Text(string? fileName, ReadOnlyMemory<byte>? content, Error missing, string field)
    {
        if (content is not { } bytes || string.IsNullOrEmpty(fileName))
        {
            return missing;
        }

        return s_extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase)
            ? Decode(bytes.Span, field)
            : ImportErrors.FileType(field);
    }

    /// <summary>The file's bytes as text: not empty, at most <see cref="MaxBytes"/>, UTF-8, no NUL (a binary file).</summary>
    public static Result<string> Decode(ReadOnlySpan<byte> bytes, string field)
    {
        if (bytes.Length > MaxBytes)
        {
            return ImportErrors.FileTooLarge(MaxMegabytes, field);
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
            return ImportErrors.FileEncoding(field);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return ImportErrors.FileEncoding(field);
        }

        return string.IsNullOrWhiteSpace(text) ? ImportErrors.FileEmpty(field) : text;
    }

    /// <summary>A reader of the file's records, each with its line number (<c>reader.Parser.RawRow</c>); blank lines skipped.</summary>
    public static CsvReader Reader(TextReader csv) => new(csv, new CsvConfiguration(CultureInfo.InvariantCulture)
    {
        Delimiter = Separator,
        HasHeaderRecord = false,
        TrimOptions = TrimOptions.Trim,
        BadDataFound = null,
        MissingFieldFound = null,
    });

    /// <summary>The field of a line's errors, as the pages and the commands list them.</summary>
    public static string LineField(int line) => $"ligne {line}";
}
