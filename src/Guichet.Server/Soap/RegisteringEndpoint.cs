using System.ServiceModel;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Server.Hosting;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>
/// Calls the operation the guard read and writes its answer or its fault. Our faults go out as they are; anything else
/// is a bug and may not leak its message or stack: Server.INTERNAL_ERROR with a reference that is also in the log line
/// (with the exception), so that support can find it.
/// </summary>
public sealed class RegisteringEndpoint(ILogger<RegisteringEndpoint> logger)
{
    public async Task AnswerAsync(HttpContext context, SoapEnvelopeInfo call)
    {
        object result;
        try
        {
            context.RequestServices.GetRequiredService<SoapCall>().Begin(context, call);
            var service = context.RequestServices.GetRequiredService<IRegisteringService>();
            await using (call.Operation.Registers ? null
                : await SqliteCallConnection.KeepOpenAsync(context.RequestServices.GetRequiredService<GuichetDbContext>(), context.RequestAborted))
            {
                result = await call.Operation.InvokeAsync(service, call.Arguments);
            }
        }
        catch (Exception exception)
        {
            await SoapFaults.WriteAsync(context, ToFault(exception, context));
            return;
        }

        await SoapResponse.WriteAsync(context, StatusCodes.Status200OK, writer => call.Operation.WriteAnswer(writer, result));
    }

    public FaultException<RegisteringFault> ToFault(Exception exception, HttpContext context)
    {
        if (exception is FaultException<RegisteringFault> fault)
        {
            return fault;
        }

        var reference = context.TraceIdentifier;
        if (AbandonedRequest.Is(exception, context))
        {
            logger.LogDebug("SOAP request {Reference} was abandoned by the client.", reference);
            return RegisteringFaults.Create(ErrorCodes.InternalError, "Requête abandonnée par le client.");
        }

        logger.LogError(exception, "SOAP request {Reference} failed with an unexpected error.", reference);
        return RegisteringFaults.Create(ErrorCodes.InternalError,
            $"Erreur interne (référence {reference}) : elle est journalisée, réessayez plus tard.");
    }
}
