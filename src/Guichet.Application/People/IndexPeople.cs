using Guichet.Data;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.People;

/// <summary>
/// Fills the name key of the people who signed up before it existed, by the same <see cref="Domain.People.Person"/>
/// setters every sign-up goes through. Run on start, after the migrations: the key (accents removed) cannot be computed
/// alike in SQLite and PostgreSQL SQL. Once done, it finds no row to index.
/// </summary>
public sealed class IndexPeople(GuichetDbContext db)
{
    public const int BatchSize = 500;

    /// <summary>Returns how many people were indexed.</summary>
    public async Task<int> HandleAsync(CancellationToken cancellationToken)
    {
        var indexed = 0;
        while (true)
        {
            // A key is never null once computed (empty for names with no letter or digit): each batch is new.
            var batch = await db.People.Where(p => p.NameKey == null).OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return indexed;
            }

            foreach (var person in batch)
            {
                person.RefreshSearchKey();
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            indexed += batch.Count;
        }
    }
}
