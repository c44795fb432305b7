using System.Globalization;
using Guichet.Bench;

// The C# half of bench/soap.sh (the load itself is autocannon, bench/load): times the password KDF, and fills a
// migrated store in bulk SQL with the accounts the load reads and writes. Usage:
//   Guichet.Bench kdf [--runs 7]
//   Guichet.Bench kdf-parallel [--seconds 5]
//   Guichet.Bench fill --provider Sqlite|PostgreSql --connection CS --white-label CODE --password P --accounts N
//   Guichet.Bench working-set --provider P --connection CS --white-label CODE --password P --tag T
//                             --first F --parents P --parent-allowance A --modifiers M --targets T
// Prints what it did on one line each, numbers with a dot whatever the locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var command = args.FirstOrDefault();
var options = args.Skip(1).Select((a, i) => (a, i: i + 1)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(p => p.a[2..], p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
int Number(string name, int fallback) =>
    options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

switch (command)
{
    case "kdf":
        Kdf.Measure(Number("runs", 7), Console.Out);
        return 0;
    case "kdf-parallel":
        Kdf.MeasureParallel(Number("seconds", 5), Console.Out);
        return 0;
    case "fill" or "working-set" when options.ContainsKey("provider") && options.ContainsKey("connection")
        && options.ContainsKey("white-label") && options.ContainsKey("password"):
        var store = new BenchStore(options["provider"], options["connection"]);
        if (command == "fill")
        {
            await store.FillAsync(options["white-label"], options["password"], Number("accounts", 0), Console.Out);
        }
        else
        {
            var set = new WorkingSet(options.GetValueOrDefault("tag", "w"), Number("first", 0), Number("parents", 0),
                Number("parent-allowance", 999), Number("modifiers", 0), Number("targets", 0));
            await store.AddWorkingSetAsync(options["white-label"], options["password"], set, Console.Out);
        }

        return 0;
    default:
        await Console.Error.WriteLineAsync(
            "Usage: Guichet.Bench kdf [--runs R] | kdf-parallel [--seconds S] | fill … | working-set … (see Program.cs)");
        return 2;
}
