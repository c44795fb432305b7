using System.Globalization;

namespace Guichet.Bench;

public enum BenchOperation
{
    Register,
    State,
}

/// <summary>The command line, validated: every bound (requests, concurrency, timeout) is explicit and finite.</summary>
public sealed record BenchOptions(
    Uri Url,
    string WsseUser,
    string WsseSecret,
    BenchOperation Operation,
    int Requests,
    int Concurrency,
    int Warmup,
    TimeSpan Timeout,
    string? Login,
    string? Password,
    string? Account,
    string Label)
{
    public const int MaxRequests = 1_000_000;
    public const int MaxConcurrency = 1_024;

    public const string Usage = """
        usage: Guichet.Bench --url http://127.0.0.1:PORT/ws/registering --wsse-user U --wsse-secret S
                             --operation register|state --requests N --concurrency C
                             [--login L --password P]   (required for state: the caller of getAccountState)
                             [--account NAME]           (state: the account to query; one is registered first when absent)
                             [--warmup W]               (untimed requests of the same operation before measuring, default 0)
                             [--timeout-seconds T]      (per request, default 60)
                             [--label TEXT]             (name of the run in the result line)
        """;

    public static bool TryParse(string[] args, out BenchOptions options, out string problem)
    {
        options = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"unexpected argument '{args[i]}' (every option takes a value)";
                return false;
            }

            values[args[i][2..]] = args[++i];
        }

        string[] known =
        [
            "url", "wsse-user", "wsse-secret", "operation", "requests", "concurrency", "login", "password", "account", "warmup",
            "timeout-seconds", "label",
        ];
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            problem = $"unknown option --{unknown}";
            return false;
        }

        foreach (var required in new[] { "url", "wsse-user", "wsse-secret", "operation", "requests", "concurrency" })
        {
            if (!values.ContainsKey(required))
            {
                problem = $"missing --{required}";
                return false;
            }
        }

        if (!Uri.TryCreate(values["url"], UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problem = "--url must be an absolute http(s) address";
            return false;
        }

        BenchOperation operation;
        switch (values["operation"])
        {
            case "register":
                operation = BenchOperation.Register;
                break;
            case "state":
                operation = BenchOperation.State;
                break;
            default:
                problem = "--operation must be register or state";
                return false;
        }

        if (!TryInt(values, "requests", 1, MaxRequests, null, out var requests, out problem)
            || !TryInt(values, "concurrency", 1, MaxConcurrency, null, out var concurrency, out problem)
            || !TryInt(values, "warmup", 0, MaxRequests, 0, out var warmup, out problem)
            || !TryInt(values, "timeout-seconds", 1, 3600, 60, out var timeoutSeconds, out problem))
        {
            return false;
        }

        var login = values.GetValueOrDefault("login");
        var password = values.GetValueOrDefault("password");
        if (operation == BenchOperation.State && (string.IsNullOrEmpty(login) || string.IsNullOrEmpty(password)))
        {
            problem = "--operation state needs --login and --password (the account or administrator that asks)";
            return false;
        }

        options = new BenchOptions(
            url,
            values["wsse-user"],
            values["wsse-secret"],
            operation,
            requests,
            Math.Min(concurrency, requests),
            warmup,
            TimeSpan.FromSeconds(timeoutSeconds),
            login,
            password,
            values.GetValueOrDefault("account"),
            values.GetValueOrDefault("label") ?? values["operation"]);
        problem = string.Empty;
        return true;
    }

    private static bool TryInt(Dictionary<string, string> values, string name, int min, int max, int? fallback, out int value, out string problem)
    {
        problem = string.Empty;
        if (!values.TryGetValue(name, out var text))
        {
            value = fallback ?? 0;
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            problem = $"--{name} must be an integer from {min} to {max}";
            return false;
        }

        return true;
    }
}
