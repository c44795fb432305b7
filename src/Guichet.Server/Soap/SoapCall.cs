namespace Guichet.Server.Soap;

/// <summary>
/// The SOAP call its request scope answers, handed by <see cref="RegisteringEndpoint"/> to the service it resolves: the
/// request (its address, its abort) and what the guard read from the envelope (the credentials).
/// </summary>
public sealed class SoapCall
{
    private HttpContext? _http;
    private SoapEnvelopeInfo? _envelope;

    public HttpContext Http => _http ?? throw new InvalidOperationException("No SOAP call in this request scope.");

    public SoapEnvelopeInfo Envelope => _envelope ?? throw new InvalidOperationException("No SOAP call in this request scope.");

    internal void Begin(HttpContext http, SoapEnvelopeInfo envelope)
    {
        _http = http;
        _envelope = envelope;
    }
}
