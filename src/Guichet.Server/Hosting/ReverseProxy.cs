using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Guichet.Server.Hosting;

/// <summary>
/// Section <c>ReverseProxy</c>. Behind a TLS-terminating proxy the client's address and scheme arrive in
/// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c>; they are believed only from the proxies listed here, so that nobody
/// else can choose the address the audit trail and the per-address budgets see. With none listed the headers are ignored.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies in front of the server, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ReverseProxy
{
    public static WebApplicationBuilder AddReverseProxy(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();
        builder.Services.AddSingleton(options);
        // Parsed now, so that a mistyped address stops the start with its name rather than failing on the first request.
        var proxies = options.KnownProxies.Select(p => IPAddress.TryParse(p, out var address)
            ? address : throw new InvalidOperationException($"ReverseProxy:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = options.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n, out var network)
            ? network : throw new InvalidOperationException($"ReverseProxy:KnownNetworks: '{n}' is not a CIDR network.")).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            proxies.ForEach(forwarded.KnownProxies.Add);
            networks.ForEach(forwarded.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ReverseProxyOptions>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
