using System.Buffers.Binary;
using Guichet.Application.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Operations;

/// <summary>A server that hashes passwords as in production: the other test servers hash at 1,000 iterations.</summary>
public sealed class FullCostHashingServer() : GuichetServer(DatabaseProvider.Sqlite)
{
    protected override bool HashesAtFullCost => true;
}

/// <summary>
/// What the suite's quick hasher (<see cref="QuickPasswordHashing"/>) leaves untested elsewhere: the server hashes with
/// its own class, PBKDF2-HMAC-SHA512 at OWASP's 210,000 iterations, and re-hashes a weaker hash at the first good login.
/// </summary>
public sealed class PasswordHashStrengthTests(FullCostHashingServer server) : IClassFixture<FullCostHashingServer>
{
    [Fact]
    public async Task RegisteredAccount_IsHashedByTheServersOwnHasher_WithPbkdf2Sha512At210000Iterations()
    {
        var tenant = await server.SharedTenantAsync();

        var primary = await tenant.RegisterPrimaryAsync();

        Assert.Equal(typeof(PasswordHashing), server.Services.GetRequiredService<PasswordHashing>().GetType());
        var stored = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login).Select(a => a.PasswordHash).SingleAsync());
        var (prf, iterations) = Parameters(stored);
        Assert.Equal(KeyDerivationPrf.HMACSHA512, prf);
        Assert.Equal(210_000, iterations);
    }

    [Fact]
    public async Task Login_WithHashOfOlderParameters_RehashesAtCurrentIterations()
    {
        var tenant = await server.SharedTenantAsync();
        var primary = await tenant.RegisterPrimaryAsync();
        var weak = HashAt(10_000, primary.Password);
        await server.InDbAsync(db =>
            db.Accounts.Where(a => a.Login == primary.Login).ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, weak)));

        await tenant.As(primary.Login, primary.Password).GetAccountStateAsync(primary.Login);

        var rehashed = await server.InDbAsync(db => db.Accounts.Where(a => a.Login == primary.Login).Select(a => a.PasswordHash).SingleAsync());
        Assert.NotEqual(weak, rehashed);
        Assert.Equal(PasswordHashing.Iterations, Parameters(rehashed).Iterations);
    }

    [Fact]
    public async Task PortalSignIn_WithATestSuiteHash_RehashesAtCurrentIterations()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        var quick = HashAt(QuickPasswordHashing.TestIterations, WebVisitor.Password);
        await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.PasswordHash, quick)));
        using var visitor = new WebVisitor(server);

        await visitor.SignInToPortalAsync(person.Email);

        var rehashed = await server.InDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.PasswordHash).SingleAsync());
        Assert.Equal(PasswordHashing.Iterations, Parameters(rehashed).Iterations);
    }

    private static string HashAt(int iterations, string password) =>
        new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = iterations })).HashPassword(new object(), password);

    // Identity's V3 format: a 0x01 marker, then the PRF and the iteration count, big-endian.
    private static (KeyDerivationPrf Prf, int Iterations) Parameters(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return ((KeyDerivationPrf)BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5)));
    }
}
