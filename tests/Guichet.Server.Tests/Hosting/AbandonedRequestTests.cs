using Guichet.Server.Hosting;
using Guichet.Server.Pages;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Mail;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// A request its client abandoned (the connection closed while the call ran) is not an error of ours: it is logged at
/// Debug, on the SOAP door and on the error page, while any other exception is still an error with its reference.
/// </summary>
public sealed class AbandonedRequestTests
{
    [Fact]
    public void CancelledBecauseTheClientLeft_IsNotLoggedAsAnError()
    {
        var (endpoint, context, logger, abandon) = Endpoint();
        abandon.Cancel();

        endpoint.ToFault(new TaskCanceledException(), context);

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("abandoned", StringComparison.Ordinal));
    }

    [Fact]
    public void CancelledWhileTheClientWaits_IsStillAnError()
    {
        var (endpoint, context, logger, _) = Endpoint();

        endpoint.ToFault(new TaskCanceledException(), context);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error);
    }

    [Theory]
    [InlineData(true, LogLevel.Debug)]
    [InlineData(false, LogLevel.Error)]
    public void ErrorPage_LogsAnAbandonedPageAtDebug_AnyOtherFailureAsAnError(bool abandoned, LogLevel expected)
    {
        using var abandon = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = abandon.Token };
        context.Features.Set<IExceptionHandlerFeature>(new ExceptionHandlerFeature { Error = new TaskCanceledException(), Path = "/outils" });
        var logger = new CapturingLogger<ErreurModel>();
        var page = new ErreurModel(Options.Create(new Doors()), logger) { PageContext = new PageContext { HttpContext = context } };
        if (abandoned)
        {
            abandon.Cancel();
        }

        page.OnGet();

        Assert.Equal(expected, Assert.Single(logger.Entries).Level);
    }

    private static (RegisteringEndpoint, HttpContext, CapturingLogger<RegisteringEndpoint>, CancellationTokenSource) Endpoint()
    {
        var abandon = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = abandon.Token };
        var logger = new CapturingLogger<RegisteringEndpoint>();
        return (new RegisteringEndpoint(logger), context, logger, abandon);
    }
}
