using Guichet.Server.Commands;
using Guichet.Server.Hosting;

var isCommand = OperatorCommands.IsCommand(args);
// The slim builder: the full one also registers IIS's server and Kestrel's HTTP/3 (QUIC) transport and scans for
// hosting-startup assemblies, none of which an instance uses, and maps their libraries (3-6 MB lower at peak:
// bench/README.md, "The slim host builder"). AddGuichetServer turns back on the one part we need, HTTPS endpoints.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = isCommand ? [] : args,
    // Settings and static files ship beside the binary, while ./data stays in the directory the server is started from.
    ContentRootPath = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
});
if (isCommand)
{
    // A command does not start the host (it checks the settings as a start would).
    return await OperatorCommands.RunAsync(() => builder.AddGuichetServer().Build(), args, Console.Out);
}

builder.AddGuichetServer();
var app = builder.Build();

await DatabaseSetup.MigrateAsync(app.Services);
await KeyRingSetup.PrepareAsync(app.Services);
await DatabaseSetup.SeedDemoAsync(app.Services, Console.Out);
app.UseGuichetServer();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
