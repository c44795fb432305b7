using System.ServiceModel;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Infrastructure;

public static class Faults
{
    /// <summary>Runs a call that must fail and returns the fault detail the WCF client decoded.</summary>
    public static async Task<RegisteringFault> CatchAsync(Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<FaultException<RegisteringFault>>(call);
        Assert.EndsWith(exception.Detail.Code, exception.Code.Name, StringComparison.Ordinal);
        return exception.Detail;
    }
}
