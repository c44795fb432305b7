using Guichet.Application.Security;

namespace Guichet.Server.Soap;

/// <summary>What the guard read from a request's envelope before SoapCore: the operation and the two credentials.</summary>
public sealed record SoapEnvelopeInfo(string Operation, UsernameToken? WhiteLabelToken, string? UserLogin, string? UserPassword)
{
    public static readonly object HttpContextKey = new();
}
