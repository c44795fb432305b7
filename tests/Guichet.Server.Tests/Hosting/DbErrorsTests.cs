using Guichet.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The store's errors as EF Core hands them over: PostgreSQL's own exception wrapped, once by a save and twice when the
/// save ran inside an execution strategy or a caller's own exception.
/// </summary>
public sealed class DbErrorsTests
{
    [Fact]
    public void AndItsCauses_StartsWithTheException_AndEndsWithTheInnermost()
    {
        var innermost = new InvalidOperationException("innermost");
        var middle = new InvalidOperationException("middle", innermost);
        var outer = new InvalidOperationException("outer", middle);

        Assert.Equal([outer, middle, innermost], outer.AndItsCauses());
        Assert.Equal([innermost], innermost.AndItsCauses());
    }

    [Theory]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.UniqueViolation, false)]
    [InlineData(PostgresErrorCodes.UndefinedColumn, false)]
    public void IsTransient_AsksPostgreSqlsError_AtAnyDepth(string sqlState, bool transient)
    {
        var postgres = new PostgresException("error", "ERROR", "ERROR", sqlState);

        Assert.Equal(transient, DbErrors.IsTransient(postgres));
        Assert.Equal(transient, DbErrors.IsTransient(new DbUpdateException("save", postgres)));
        Assert.Equal(transient, DbErrors.IsTransient(new InvalidOperationException("run", new DbUpdateException("save", postgres))));
    }

    [Fact]
    public void IsSerializationFailure_IsOnly40001_AtAnyDepth()
    {
        var conflict = new PostgresException("could not serialize", "ERROR", "ERROR", PostgresErrorCodes.SerializationFailure);
        var deadlock = new PostgresException("deadlock detected", "ERROR", "ERROR", PostgresErrorCodes.DeadlockDetected);

        Assert.True(DbErrors.IsSerializationFailure(conflict));
        Assert.True(DbErrors.IsSerializationFailure(new InvalidOperationException("run", new DbUpdateException("save", conflict))));
        Assert.False(DbErrors.IsSerializationFailure(new DbUpdateException("save", deadlock)));
        Assert.False(DbErrors.IsSerializationFailure(new InvalidOperationException("no store")));
    }
}
