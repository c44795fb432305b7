using Guichet.Server.Commands;
using Guichet.Server.Hosting;

var isCommand = OperatorCommands.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
builder.AddGuichetServer();
var app = builder.Build();

if (isCommand)
{
    return await OperatorCommands.RunAsync(app.Services, args, Console.Out);
}

await DatabaseSetup.MigrateAsync(app.Services);
await DatabaseSetup.SeedDemoAsync(app.Services, Console.Out);
app.UseGuichetServer();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
