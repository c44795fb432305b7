using System.ServiceModel.Channels;
using Guichet.Server.Soap;
using Guichet.Server.Tests.Mail;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// A request its client abandoned (the connection closed while the call ran) is not an error of ours: it is logged at
/// Debug, while any other exception is still an error with its reference.
/// </summary>
public sealed class AbandonedRequestTests
{
    [Fact]
    public void CancelledBecauseTheClientLeft_IsNotLoggedAsAnError()
    {
        var (transformer, logger, abandon) = Transformer();
        abandon.Cancel();

        transformer.ProvideFault(new TaskCanceledException(), MessageVersion.Soap11, null!, null!);

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("abandoned", StringComparison.Ordinal));
    }

    [Fact]
    public void CancelledWhileTheClientWaits_IsStillAnError()
    {
        var (transformer, logger, _) = Transformer();

        transformer.ProvideFault(new TaskCanceledException(), MessageVersion.Soap11, null!, null!);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Error);
    }

    private static (RegisteringFaultTransformer, CapturingLogger<RegisteringFaultTransformer>, CancellationTokenSource) Transformer()
    {
        var abandon = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = abandon.Token };
        var logger = new CapturingLogger<RegisteringFaultTransformer>();
        return (new RegisteringFaultTransformer(logger, new HttpContextAccessor { HttpContext = context }), logger, abandon);
    }
}
