namespace Guichet.Application.Maintenance;

/// <summary>
/// A purge as statements of at most <see cref="Size"/> rows each, run until one touches fewer. One statement holds
/// SQLite's write lock, and every writer of the process behind it, until it ends: 300,000 expired nonces in one
/// <c>DELETE</c> held every SOAP call's nonce commit for about 2 s, every ten minutes (bench/README.md, "The maintenance
/// purge in batches"). A batch of 1,000 takes 30–40 ms there, and the writers waiting go between two batches.
/// </summary>
internal static class PurgeBatches
{
    public const int Size = 1_000;

    /// <summary>Runs <paramref name="batch"/> (given the most rows it may touch) until it touches fewer; the rows touched.</summary>
    public static async Task<int> UntilDoneAsync(int size, Func<int, Task<int>> batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        var total = 0;
        int touched;
        do
        {
            touched = await batch(size);
            total += touched;
        }
        while (touched == size);
        return total;
    }
}
