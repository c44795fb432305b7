using System.Globalization;
using Guichet.Bench;

// A load generator for WS Registering: raw SOAP 1.1 over HttpClient, no WCF, no server code.
// Usage: see BenchOptions.Usage. Exit code 0 when every measured request answered HTTP 200, 1 otherwise, 2 on bad usage.
// Numbers are printed with a dot, whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (!BenchOptions.TryParse(args, out var options, out var problem))
{
    await Console.Error.WriteLineAsync(problem);
    await Console.Error.WriteLineAsync(BenchOptions.Usage);
    return 2;
}

using var http = LoadRunner.CreateClient(options);
var client = new SoapClient(http, options.Url, options.WsseUser, options.WsseSecret);
var runner = new LoadRunner(client, options);
return await runner.RunAsync(Console.Out);
