using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Guichet.Data;

/// <summary>
/// Where the used WS-Security nonces are kept: in the one store on PostgreSQL, which every instance shares; in a file of
/// their own beside the store on SQLite (<see cref="NonceFileDbContext"/>). Scoped, like the context behind it.
/// </summary>
public interface INonceStore
{
    DbSet<UsedNonce> UsedNonces { get; }

    DatabaseFacade Database { get; }

    IModel Model { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
