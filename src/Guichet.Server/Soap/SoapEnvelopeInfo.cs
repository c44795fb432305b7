using Guichet.Application.Security;

namespace Guichet.Server.Soap;

/// <summary>What the guard read from a request's envelope: the operation, its bound arguments and the two credentials.</summary>
public sealed record SoapEnvelopeInfo(
    RegisteringOperation Operation, object?[] Arguments, UsernameToken? WhiteLabelToken, string? UserLogin, string? UserPassword);
