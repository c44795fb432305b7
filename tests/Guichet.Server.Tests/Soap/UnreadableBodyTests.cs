using System.Net.Sockets;
using System.Text;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Soap;

/// <summary>A server whose log lines the tests read, the SOAP door's down to Debug.</summary>
public sealed class LoggedServerFixture() : GuichetServer(DatabaseProvider.Sqlite)
{
    public CapturedLog Log { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Logging:LogLevel:Guichet.Server.Soap", "Debug")];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Log);
}

/// <summary>
/// A body that cannot be read to its end — its chunks are malformed, or the client stops sending before the length it
/// announced (it gave up, a load balancer cut it, a load tester ended its run) — is the client's doing: a fault for a
/// client still listening, and a line at Debug in the log like any abandoned request (Hosting/AbandonedRequestTests),
/// never an error with a stack trace that would wake an operator's alert on errors.
/// </summary>
public sealed class UnreadableBodyTests(LoggedServerFixture server) : IClassFixture<LoggedServerFixture>
{
    private const string LogLine = "A SOAP request's body could not be read to its end";

    [Fact]
    public async Task MalformedChunk_FaultsMalformedRequest_AndLogsNoError()
    {
        var before = DebugLines();

        var response = await SendAsync("Transfer-Encoding: chunked\r\n\r\nnot-a-chunk-size\r\n", closeAfterSending: false);

        Assert.StartsWith("HTTP/1.1 400", response, StringComparison.Ordinal);
        Assert.Contains("Client." + ErrorCodes.MalformedRequest, response, StringComparison.Ordinal);
        Assert.Contains("Corps de requête incomplet ou mal découpé", response, StringComparison.Ordinal);
        Assert.Equal(before + 1, DebugLines());
        Assert.DoesNotContain(server.Log.Lines, line => line.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task BodyEndingBeforeItsLength_LogsAtDebugAndNoError()
    {
        var before = DebugLines();
        var partial = RawSoap.Envelope(string.Empty, RawSoap.GetAccountState("acme"))[..40];

        // The client's end of the connection closes 3,960 bytes early: no one is left to read an answer.
        await SendAsync("Content-Length: 4000\r\n\r\n" + partial, closeAfterSending: true);

        await WaitUntilAsync(() => DebugLines() == before + 1);
        Assert.DoesNotContain(server.Log.Lines, line => line.Level >= LogLevel.Error);
    }

    private int DebugLines() =>
        server.Log.Lines.Count(line => line.Level == LogLevel.Debug && line.Message.StartsWith(LogLine, StringComparison.Ordinal));

    /// <summary>A POST whose framing headers and body are <paramref name="rest"/>; returns what the server answered, if read.</summary>
    private async Task<string> SendAsync(string rest, bool closeAfterSending)
    {
        var endpoint = server.RegisteringEndpoint;
        var request = $"POST {endpoint.AbsolutePath} HTTP/1.1\r\nHost: {endpoint.Authority}\r\nContent-Type: text/xml; charset=utf-8\r\n" + rest;
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        if (closeAfterSending)
        {
            // Only the sending half closes, once the server waits for the rest of the body: it then reads the body's end
            // early, as when a client gives up mid-request. (Closed before the server reads, the connection is aborted
            // instead, which ASP.NET Core itself logs at Debug.)
            await Task.Delay(TimeSpan.FromSeconds(1));
            client.Client.Shutdown(SocketShutdown.Send);
        }

        // Read until the server closes, so that the connection stays open while it reads the body.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return await reader.ReadToEndAsync(timeout.Token);
        }
        catch (IOException) when (closeAfterSending)
        {
            // The server may reset a connection whose client has stopped sending: nobody is there to read its answer.
            return string.Empty;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The server did not log the abandoned request within 30 s.");
            await Task.Delay(20);
        }
    }
}
