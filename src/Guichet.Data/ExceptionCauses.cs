namespace Guichet.Data;

public static class ExceptionCauses
{
    /// <summary>
    /// The exception, then the one it wraps, and so on: EF Core wraps the store's own error (a <c>PostgresException</c>,
    /// a converter's <c>JsonException</c>) in a sentence of its own, so a question about that error asks every cause.
    /// </summary>
    public static IEnumerable<Exception> AndItsCauses(this Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
        }
    }
}
