using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

/// <summary>
/// Fills the search keys (member code, name) of the companies imported before the keys existed, by the same
/// <see cref="Domain.Companies.Company"/> setters every import goes through. Run on start, after the migrations: the keys
/// (accents removed) cannot be computed alike in SQLite and PostgreSQL SQL. Once done, it reads one empty index range.
/// </summary>
public sealed class IndexCompanies(GuichetDbContext db)
{
    public const int BatchSize = 500;

    /// <summary>Returns how many companies were indexed.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            // A key is never null once computed (empty for a value with no letter or digit): each batch is new.
            var batch = await db.Companies.Where(c => c.NameKey == null || c.MemberCodeKey == null)
                .OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return indexed;
            }

            foreach (var company in batch)
            {
                company.RefreshSearchKeys();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            indexed += batch.Count;
        }
    }
}
