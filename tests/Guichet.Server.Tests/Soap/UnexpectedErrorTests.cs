using System.Xml;
using System.Xml.Linq;
using Guichet.Application.Accounts;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Soap;

/// <summary>A server with a bug forced into it: building the registering service throws <see cref="Bug"/>.</summary>
public sealed class FaultyServerFixture() : GuichetServer(DatabaseProvider.Sqlite)
{
    public CapturedLog Log { get; } = new();

    public Func<Exception> Bug { get; set; } = () => new InvalidOperationException("bug");

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(Log);
        services.AddScoped<GetAccountState>(_ => throw Bug());
    }
}

/// <summary>
/// Only a body that does not bind is MALFORMED_REQUEST (MalformedRequestTests); anything else unexpected is
/// Server.INTERNAL_ERROR with a reference that the log line carries too, and never the exception's text.
/// </summary>
public sealed class UnexpectedErrorTests(FaultyServerFixture server) : IClassFixture<FaultyServerFixture>
{
    [Theory]
    [InlineData("invalid operation")]
    [InlineData("format")]
    [InlineData("xml inside invalid operation")]
    public async Task BugInTheServer_FaultsInternalErrorWithAReferenceFoundInTheLog(string kind)
    {
        var secret = "detail-" + Guid.NewGuid().ToString("N");
        server.Bug = kind switch
        {
            "invalid operation" => () => new InvalidOperationException(secret),
            "format" => () => new FormatException(secret),
            _ => () => new InvalidOperationException(secret, new XmlException(secret)),
        };

        var response = await RawSoap.PostAsync(server.RegisteringEndpoint, RawSoap.Envelope(string.Empty, RawSoap.GetAccountState("acme")));

        response.AssertCleanFault();
        Assert.Equal(XName.Get("Server.INTERNAL_ERROR", RawSoap.Soap11), response.FaultCode);
        Assert.Equal(ErrorCodes.InternalError, response.Code);
        Assert.DoesNotContain(secret, response.Body, StringComparison.Ordinal);
        var text = response.Xml.Descendants("faultstring").Single().Value;
        var reference = System.Text.RegularExpressions.Regex.Match(text, @"référence ([^)\s]+)\)").Groups[1].Value;
        Assert.NotEmpty(reference);
        Assert.Contains(server.Log.Lines, line => line.Level == LogLevel.Error
            && line.Message.Contains(reference, StringComparison.Ordinal)
            && line.Exception?.Message == secret);
    }
}
