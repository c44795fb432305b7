using Guichet.Application.Security;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// Hashes and password checks that wait until every expected caller (the gate's count) is inside one: callers that
/// have all read what they decide on before any of them writes, a race a client cannot make happen on demand.
/// </summary>
public sealed class MeetingPasswordHashing(CountdownEvent gate) : QuickPasswordHashing(concurrentHashes: gate.InitialCount)
{
    protected override string Hash(string password)
    {
        Meet();
        return base.Hash(password);
    }

    protected override PasswordCheck Verify(string hash, string password)
    {
        Meet();
        return base.Verify(hash, password);
    }

    private void Meet()
    {
        gate.Signal();
        Assert.True(gate.Wait(TimeSpan.FromSeconds(60)), "Not every caller reached the hash or the password check.");
    }
}
