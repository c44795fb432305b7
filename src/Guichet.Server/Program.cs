using Guichet.Server.Commands;
using Guichet.Server.Hosting;

var isCommand = OperatorCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
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
