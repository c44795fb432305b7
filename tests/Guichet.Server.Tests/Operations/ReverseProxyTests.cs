using System.Text;
using Guichet.Domain.Auditing;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Soap;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.Operations;

/// <summary>X-Forwarded-For is believed from the configured proxies only: nobody else chooses the address that is audited.</summary>
public sealed class ReverseProxyTests
{
    private const string ClientAddress = "203.0.113.7";

    [Fact]
    public async Task ForwardedAddress_FromAKnownProxy_IsTheAuditedAddress()
    {
        using var server = new BehindProxyServer();

        Assert.Equal(ClientAddress, await AuditedAddressOfAFailedCallAsync(server));
    }

    [Fact]
    public async Task ForwardedAddress_WithoutAConfiguredProxy_IsIgnored()
    {
        using var server = new GuichetServer(DatabaseProvider.Sqlite);

        Assert.Equal("127.0.0.1", await AuditedAddressOfAFailedCallAsync(server));
    }

    private static async Task<string?> AuditedAddressOfAFailedCallAsync(GuichetServer server)
    {
        var username = "proxy" + Guid.NewGuid().ToString("N")[..8];
        var xml = RawSoap.Envelope(RawSoap.Security(username, "wrong secret"), RawSoap.GetAccountState("x"));

        var response = await RawSoap.SendAsync(server.RegisteringEndpoint, new StringContent(xml, Encoding.UTF8, "text/xml"),
            headers: [("X-Forwarded-For", ClientAddress)]);

        Assert.NotNull(response.Code);
        return await server.InDbAsync(db => db.AuditEntries
            .Where(e => e.Event == AuditEvents.WhiteLabelAuthenticationFailed && e.Actor == username)
            .Select(e => e.RemoteAddress).SingleAsync());
    }

    private sealed class BehindProxyServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("ReverseProxy:KnownProxies:0", "127.0.0.1")];
    }
}
