namespace Guichet.Server.Hosting;

/// <summary>
/// A request its client gave up on (closed the connection: a timeout of its own, a load generator stopping) ends in an
/// <see cref="OperationCanceledException"/>: not our error, and nobody reads the answer. The SOAP door and the error
/// page log it at Debug instead of as an unexpected error.
/// </summary>
public static class AbandonedRequest
{
    public static bool Is(Exception error, HttpContext? http) =>
        error is OperationCanceledException && http?.RequestAborted.IsCancellationRequested == true;
}
