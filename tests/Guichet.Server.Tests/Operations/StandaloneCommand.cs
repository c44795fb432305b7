using Guichet.Server.Commands;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Guichet.Server.Tests.Operations;

/// <summary>
/// An operator command run as <c>Program</c> runs one, in a host of its own built from these settings and never started:
/// the operator's process beside the instances, not one of them.
/// </summary>
internal static class StandaloneCommand
{
    public static async Task<(int Exit, string Output)> RunAsync(DatabaseProvider provider, string connectionString,
        IEnumerable<KeyValuePair<string, string>> settings, params string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["Database:ConnectionString"] = connectionString,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        var output = new StringWriter();
        var exit = await OperatorCommands.RunAsync(() => builder.AddGuichetServer().Build(), args, output);
        return (exit, output.ToString());
    }
}
