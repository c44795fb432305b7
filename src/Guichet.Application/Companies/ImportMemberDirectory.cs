using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Guichet.Application.Auditing;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

public sealed record DirectoryImport(int Added, int Updated);

/// <summary>
/// Imports the member directory from a CSV file (<c>SIREN;code adhérent;raison sociale</c>, an optional header line).
/// Every line is checked first; one bad line and nothing is imported, with the list of bad lines.
/// An existing SIREN gets the file's member code and name.
/// </summary>
public sealed class ImportMemberDirectory(GuichetDbContext db, AuditTrail audit)
{
    public async Task<Result<DirectoryImport>> HandleAsync(TextReader csv, string actor, CancellationToken cancellationToken)
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = ";",
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var rows = new Dictionary<string, (string Code, string Name)>(StringComparer.Ordinal);
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
            var field = $"ligne {line}";
            if (reader.Parser.Count != 3)
            {
                errors.Add(CompanyErrors.DirectoryColumns(reader.Parser.Count, field));
            }
            else if (!Siren.IsValid(siren))
            {
                errors.Add(CompanyErrors.DirectorySirenInvalid(siren, field));
            }
            else if (code.Length is 0 or > 40 || name.Length is 0 or > 200)
            {
                errors.Add(CompanyErrors.DirectoryCodeOrNameMissing(field));
            }
            else if (!rows.TryAdd(siren, (code, name)))
            {
                errors.Add(CompanyErrors.DirectorySirenTwice(siren, field));
            }
        }

        if (errors.Count > 0)
        {
            return Result<DirectoryImport>.Failure(ErrorCodes.InvalidFile, errors);
        }

        var sirens = rows.Keys.ToList();
        var existing = await db.Companies.Where(c => sirens.Contains(c.Siren)).ToDictionaryAsync(c => c.Siren, cancellationToken);
        foreach (var (siren, (code, name)) in rows)
        {
            if (existing.TryGetValue(siren, out var company))
            {
                company.MemberCode = code;
                company.Name = name;
            }
            else
            {
                db.Companies.Add(new Company { Siren = siren, MemberCode = code, Name = name });
            }
        }

        var result = new DirectoryImport(rows.Count - existing.Count, existing.Count);
        audit.Record(actor, AuditEvents.DirectoryImported, null, null, detail: $"{result.Added} added, {result.Updated} updated");
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }
}
