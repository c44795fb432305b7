using Guichet.Application.Security;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// The server's password hasher (same algorithm, format, threads and queue) at 1,000 PBKDF2 iterations instead of
/// 210,000: every test server hashes with it unless it asks for the real cost (<see cref="GuichetServer.HashesAtFullCost"/>).
/// A suite of thousands of hashes (a staff member's first sign-in alone makes fourteen) spent a third of its CPU on them.
/// What the real cost guards is tested on a server that has it: <c>Operations/PasswordHashStrengthTests</c>.
/// </summary>
public class QuickPasswordHashing : PasswordHashing
{
    public const int TestIterations = 1_000;

    public QuickPasswordHashing()
        : this(Environment.ProcessorCount)
    {
    }

    /// <param name="concurrentHashes">How many hashes may run at once (a test that needs callers to meet inside one).</param>
    protected QuickPasswordHashing(int concurrentHashes)
        : base(concurrentHashes, TestIterations)
    {
    }
}
