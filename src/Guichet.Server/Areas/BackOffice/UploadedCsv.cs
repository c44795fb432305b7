using Guichet.Application.Imports;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>An import page's uploaded file, as the import use cases take it (they check and refuse it themselves).</summary>
public static class UploadedCsv
{
    /// <summary>
    /// The request limit of an import page: a little above the file's, so that a file just too large gets the French
    /// message rather than the error page.
    /// </summary>
    public const int RequestLimit = CsvUpload.MaxBytes + 1024 * 1024;

    /// <summary>The file's bytes; null when no file came. A file over the limit is not read at all: its length says enough.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        if (file.Length > CsvUpload.MaxBytes)
        {
            return new byte[CsvUpload.MaxBytes + 1];
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
