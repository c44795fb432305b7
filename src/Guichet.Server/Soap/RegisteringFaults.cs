using System.ServiceModel;
using Guichet.Domain.Common;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>Turns our failures into the contract's fault: <c>Client.CODE</c> (<c>Server.INTERNAL_ERROR</c> for bugs) and its detail.</summary>
public static class RegisteringFaults
{
    public static FaultException<RegisteringFault> Create(string code, string message, IEnumerable<Error>? errors = null)
    {
        var detail = new RegisteringFault
        {
            Code = code,
            Message = message,
            Errors = errors?.Select(e => new FieldFault { Field = e.Field ?? string.Empty, Code = e.Code, Message = e.Message }).ToList() ?? [],
        };
        var side = code == ErrorCodes.InternalError ? "Server" : "Client";
        return new FaultException<RegisteringFault>(detail, new FaultReason(message), new FaultCode($"{side}.{code}"), null);
    }
}
