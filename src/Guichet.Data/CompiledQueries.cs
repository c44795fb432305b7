using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Guichet.Data;

/// <summary>
/// A query compiled once per model (<c>EF.CompileAsyncQuery</c>), for the lookups every SOAP call makes: no expression
/// tree to build, parameterise and look up in EF Core's query cache on each call. EF Core binds a compiled query to the
/// first model it runs on and refuses any other, and one process may hold several (the tests run a SQLite and a
/// PostgreSQL server side by side): hence one compilation per model, held as long as the model lives.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    // Made once: a lambda written at the call would be a new delegate on every call of the hot path.
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile = _ => compile();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _compile);
}
