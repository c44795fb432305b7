using System.Net;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Portal;

/// <summary>Links in emails may be built from the request's host, so a forged Host header must not be answered.</summary>
public sealed class HostFilteringTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Theory]
    [InlineData("/mot-de-passe-oublie")]
    [InlineData("/ws/registering?wsdl")]
    public async Task ForgedHost_IsRefused_KnownHostIsServed(string path)
    {
        using var client = new HttpClient();
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, path));
        forged.Headers.Host = "evil.example";

        using var refused = await client.SendAsync(forged);
        using var served = await client.GetAsync(new Uri(server.BaseAddress, path));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
