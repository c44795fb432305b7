using System.Diagnostics;
using Guichet.Application.Companies;
using Guichet.Application.Maintenance;
using Guichet.Application.Partners;
using Guichet.Application.Staff;
using Guichet.Application.WhiteLabels;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Server.Hosting;

namespace Guichet.Server.Commands;

/// <summary>
/// Operator commands of the same executable: <c>migrate</c>, <c>import-keys</c>, <c>reencrypt-keys</c>,
/// <c>create-white-label</c>, <c>create-admin</c>, <c>import-members</c>, <c>import-establishments</c>, <c>create-staff</c>,
/// <c>reset-staff</c>, <c>purge</c>.
/// Secrets that are generated are printed once on standard output.
/// </summary>
public static class OperatorCommands
{
    private static readonly string[] s_names =
    [
        "migrate", "import-keys", "reencrypt-keys", "create-white-label", "create-admin", "import-members", "import-establishments", "create-staff",
        "reset-staff", "purge", "help",
    ];

    public static bool IsCommand(string[] args) => args.Length > 0 && s_names.Contains(args[0]);

    /// <summary>
    /// The process's command: builds the host from the settings (never started), then runs the command on it. A setting
    /// refused while building ends it as any other failure does (below).
    /// </summary>
    public static async Task<int> RunAsync(Func<WebApplication> build, string[] args, TextWriter output)
    {
        WebApplication app;
        try
        {
            app = build();
        }
        catch (Exception exception)
        {
            return await FailAsync(output, args[0], exception, logger: null);
        }

        await using (app)
        {
            return await RunAsync(app.Services, args, output);
        }
    }

    /// <summary>
    /// Runs one command after checking the settings as a start would. What goes wrong in the operator's environment (a
    /// setting, a file, the database) ends it with one line, <c>error: &lt;command&gt;: &lt;what&gt;</c>, and exit code 1: no
    /// stack trace reaches the console. The exception in full is logged at Debug, for a bug report.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        try
        {
            services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            return await DispatchAsync(services, args, output);
        }
        catch (Exception exception)
        {
            return await FailAsync(output, args[0], exception, services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperatorCommands)));
        }
    }

    private static async Task<int> FailAsync(TextWriter output, string command, Exception exception, ILogger? logger)
    {
        await output.WriteLineAsync($"error: {command}: {Describe(exception)}");
        if (logger is not null)
        {
            logger.LogDebug(exception, "The operator command {Command} failed.", command);
            await output.WriteLineAsync($"(the exception in full: Logging__LogLevel__{typeof(OperatorCommands).Namespace}=Debug)");
        }

        return 1;
    }

    /// <summary>The exception's message and those of its inner exceptions, which say what the outer one wraps.</summary>
    private static string Describe(Exception exception)
    {
        List<string> messages = [];
        foreach (var cause in exception.AndItsCauses())
        {
            if (!messages.Any(message => message.Contains(cause.Message, StringComparison.Ordinal)))
            {
                messages.Add(cause.Message);
            }
        }

        return string.Join(" — ", messages);
    }

    private static async Task<int> DispatchAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var options = ParseOptions(args.Skip(1));
        switch (args[0])
        {
            case "migrate":
                await DatabaseSetup.MigrateAsync(services);
                await output.WriteLineAsync("Database migrated.");
                return 0;
            case "import-keys":
                await DatabaseSetup.MigrateAsync(services);
                return await ImportKeysAsync(services, options, output);
            case "reencrypt-keys":
                await DatabaseSetup.MigrateAsync(services);
                return await ReencryptKeysAsync(services, output);
            case "create-white-label":
                await PrepareAsync(services);
                return await CreateWhiteLabelAsync(services, options, output);
            case "create-admin":
                await PrepareAsync(services);
                return await CreateAdministratorAsync(services, options, output);
            case "import-members":
                await PrepareAsync(services);
                return await ImportMembersAsync(services, options, output);
            case "import-establishments":
                await PrepareAsync(services);
                return await ImportEstablishmentsAsync(services, options, output);
            case "create-staff":
                await PrepareAsync(services);
                return await CreateStaffAsync(services, options, output);
            case "reset-staff":
                await PrepareAsync(services);
                return await ResetStaffAsync(services, options, output);
            case "purge":
                return await PurgeAsync(services, output);
            default:
                await output.WriteLineAsync(Usage);
                return 0;
        }
    }

    private const string Usage = """
        Guichet operator commands (dotnet run --project src/Guichet.Server -- <command>):
          migrate
          import-keys [--folder PATH]            (DataProtection:KeyStore=Database: copies the key files of PATH, by default
                                                  DataProtection:KeysFolder, into the database, encrypted with
                                                  DataProtection:CertificatePath; every instance stopped, before starting
                                                  them on the database store)
          reencrypt-keys                         (after replacing DataProtection:CertificatePath, the old one kept as
                                                  DataProtection:PreviousCertificatePath: encrypts every key of the ring
                                                  again with the new one, in place, instances running; then the old
                                                  certificate can go)
          create-white-label --code CODE --name NAME --mail-domain DOMAIN [--wsse-username U] [--wsse-secret S]
                             [--sso-key K | --no-sso] [--sso-validity-minutes 5] [--sso-time-zone Europe/Paris|UTC] [--login-prefix P]
                             [--max-secondary 150] [--auto-enrol] [--no-secondary-mailbox] [--default-ped 1234567] [--test]
          create-admin --white-label CODE --login LOGIN [--password P]
          import-members --file members.csv      (SIREN;code adhérent;raison sociale — all lines valid or nothing imported)
          import-establishments --file establishments.csv
                                                 (header siret;nom;adresse;code_postal;ville, UTF-8 — all lines valid or
                                                  nothing imported; creates and updates, never deletes)
          create-staff --email E --name "N" --role agent|administrator
                                                 (back office; prints a one-time password: the first sign-in changes it
                                                  and enrols an authenticator app)
          reset-staff --email E                  (a lost phone when no other administrator can reset it: a new one-time
                                                  password, authenticator and recovery codes erased, sessions ended)
          purge                                  (one run of the instances' maintenance, paced as theirs: deletes what
                                                  has expired; prints what it deleted, its time and its CPU)
        """;

    /// <summary>The migrations, then the key ring (<see cref="KeyRingSetup.PrepareAsync"/>) before a command writes secrets.</summary>
    private static async Task PrepareAsync(IServiceProvider services)
    {
        await DatabaseSetup.MigrateAsync(services);
        await KeyRingSetup.PrepareAsync(services);
    }

    private static async Task<int> ImportKeysAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        var keyRing = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyRingOptions>>().Value;
        var folder = options.GetValueOrDefault("folder") ?? keyRing.KeysFolder;
        if (!keyRing.InDatabase)
        {
            await output.WriteLineAsync("import-keys writes the database key store: set DataProtection:KeyStore=Database and "
                + "DataProtection:CertificatePath (as the instances will have them) and run it again.");
            return 2;
        }

        if (!Directory.Exists(folder))
        {
            await output.WriteLineAsync($"import-keys: there is no folder '{folder}' (--folder, or DataProtection:KeysFolder).");
            return 2;
        }

        var result = KeyRingImport.Import(services, folder);
        if (result.Failures.Count > 0)
        {
            await output.WriteLineAsync("Nothing imported:");
            foreach (var failure in result.Failures)
            {
                await output.WriteLineAsync($"error: {failure}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Keys imported from {folder}: {result.Imported} imported, {result.AlreadyPresent} already in the database.");
        return 0;
    }

    private static async Task<int> ReencryptKeysAsync(IServiceProvider services, TextWriter output)
    {
        if (string.IsNullOrEmpty(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KeyRingOptions>>().Value.CertificatePath))
        {
            await output.WriteLineAsync("reencrypt-keys encrypts the key ring with DataProtection:CertificatePath: set it (and the "
                + "certificate it replaces as DataProtection:PreviousCertificatePath) as the instances have them, and run it again.");
            return 2;
        }

        var result = await KeyRingReencryption.ReencryptAsync(services);
        if (result.Failures.Count > 0)
        {
            await output.WriteLineAsync("Nothing re-encrypted:");
            foreach (var failure in result.Failures)
            {
                await output.WriteLineAsync($"error: {failure}");
            }

            return 1;
        }

        await output.WriteLineAsync($"Keys encrypted with DataProtection:CertificatePath: {result.Reencrypted} re-encrypted, "
            + $"{result.AlreadyCurrent} already.");
        return 0;
    }

    private static async Task<int> CreateWhiteLabelAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "code") || !Has(options, "name") || !Has(options, "mail-domain"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var settings = new WhiteLabelSettings(options["name"]!, options["mail-domain"]!)
        {
            EnableSso = !options.ContainsKey("no-sso"),
            SsoTokenValidityMinutes = IntOption(options, "sso-validity-minutes", 5),
            SsoTimeZone = options.TryGetValue("sso-time-zone", out var zone) ? zone ?? string.Empty : FrenchTime.ZoneId,
            LoginPrefix = options.GetValueOrDefault("login-prefix") ?? string.Empty,
            MaxSecondaryAccounts = IntOption(options, "max-secondary", 150),
            AutoEnrol = options.ContainsKey("auto-enrol"),
            SecondaryMailboxByDefault = !options.ContainsKey("no-secondary-mailbox"),
            DefaultEdiPartnerNumber = options.GetValueOrDefault("default-ped"),
            TestEnvironment = options.ContainsKey("test"),
        };
        var request = new NewWhiteLabel(options["code"]!, settings)
        {
            WsseUsername = options.GetValueOrDefault("wsse-username"),
            WsseSecret = options.GetValueOrDefault("wsse-secret"),
            SsoKey = options.GetValueOrDefault("sso-key"),
        };
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateWhiteLabel>()
            .HandleAsync(request, "operator", null, CancellationToken.None);
        if (!result.Succeeded)
        {
            return await FailAsync(output, result.Errors);
        }

        await output.WriteLineAsync($"""
            White label {result.Value.WhiteLabel.Code} created (secrets shown once):
              WSSE username : {result.Value.WsseUsername}
              WSSE secret   : {result.Value.WsseSecret}
              SSO key       : {result.Value.SsoKey ?? "(SSO off)"}
            """);
        return 0;
    }

    private static async Task<int> CreateAdministratorAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "white-label") || !Has(options, "login"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<CreateAdministrator>()
            .HandleAsync(options["white-label"]!, options["login"]!, options.GetValueOrDefault("password"), "operator", CancellationToken.None);
        if (!result.Succeeded)
        {
            return await FailAsync(output, result.Errors);
        }

        await output.WriteLineAsync($"Administrator {result.Value.Login} created. Password (shown once): {result.Value.Password}");
        return 0;
    }

    private static async Task<int> ImportMembersAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "file") || !File.Exists(options["file"]))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        using var reader = new StreamReader(options["file"]!, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportMemberDirectory>().HandleAsync(reader, "operator", CancellationToken.None);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Nothing imported: fix these lines and run again.");
            return await FailAsync(output, result.Errors);
        }

        await output.WriteLineAsync(
            $"Member directory imported: {result.Value.Added} added, {result.Value.Updated} updated, {result.Value.Unchanged} unchanged.");
        return 0;
    }

    private static async Task<int> ImportEstablishmentsAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "file") || !File.Exists(options["file"]))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        // The bytes, not a reader: the file is checked as an upload is (size, UTF-8), not decoded leniently.
        var content = await File.ReadAllBytesAsync(options["file"]!);
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ImportEstablishments>().HandleAsync(content, "operator", CancellationToken.None);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("Nothing imported: fix these lines and run again.");
            return await FailAsync(output, result.Errors);
        }

        await output.WriteLineAsync(
            $"Establishments imported: {result.Value.Added} added, {result.Value.Updated} updated, {result.Value.Unchanged} unchanged.");
        return 0;
    }

    private static async Task<int> CreateStaffAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "email") || !Has(options, "name") || !Has(options, "role"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var request = new NewStaffMember(options["email"], options["name"], options["role"]);
        var result = await scope.ServiceProvider.GetRequiredService<CreateStaffMember>()
            .HandleAsync(request, StaffActor.Operator, null, CancellationToken.None);
        if (!result.Succeeded)
        {
            return await FailAsync(output, result.Errors);
        }

        var created = result.Value;
        await output.WriteLineAsync($"""
            Staff member {created.Email} ({created.DisplayName}, {created.Role.ToString().ToLowerInvariant()}) created.
              One-time password (shown once): {created.OneTimePassword}
            The first sign-in at /back-office asks for a new password, then enrols an authenticator app.
            """);
        return 0;
    }

    private static async Task<int> ResetStaffAsync(IServiceProvider services, Dictionary<string, string?> options, TextWriter output)
    {
        if (!Has(options, "email"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var members = await scope.ServiceProvider.GetRequiredService<ListStaffMembers>().HandleAsync(CancellationToken.None);
        if (members.SingleOrDefault(m => string.Equals(m.Email, options["email"], StringComparison.OrdinalIgnoreCase)) is not { } member)
        {
            return await FailAsync(output, [StaffErrors.NotFound()]);
        }

        var result = await scope.ServiceProvider.GetRequiredService<ResetStaffMember>()
            .HandleAsync(member.StaffId, StaffActor.Operator, null, CancellationToken.None);
        if (!result.Succeeded)
        {
            return await FailAsync(output, result.Errors);
        }

        await output.WriteLineAsync($"""
            Staff member {member.Email} reset{(member.Disabled
                ? " (still disabled: an administrator enables it on the Équipe page)"
                : string.Empty)}.
              One-time password (shown once): {result.Value.OneTimePassword}
            The next sign-in at /back-office asks for a new password, then enrols an authenticator app.
            """);
        return 0;
    }

    /// <summary>
    /// One maintenance run, as an instance runs every <c>Maintenance:Interval</c>, for an operator sizing a store or
    /// catching up after instances were down. No migration first: run beside instances of another version, it must not
    /// change the schema under them (a store not migrated ends it with the database's error). The CPU printed is this
    /// process's over the run alone; the database's own (PostgreSQL) is not in it.
    /// </summary>
    private static async Task<int> PurgeAsync(IServiceProvider services, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await using var scope = services.CreateAsyncScope();
        var (records, mail) = await scope.ServiceProvider.GetRequiredService<RunMaintenance>()
            .HandleAsync(CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        await output.WriteLineAsync(FormattableString.Invariant(
            $"Maintenance purged {records} expired security record(s) and {mail} finished mail(s) in {seconds:0.0} s, {cpu:0.00} s of CPU."));
        return 0;
    }

    private static async Task<int> FailAsync(TextWriter output, IEnumerable<Error> errors)
    {
        foreach (var error in errors)
        {
            await output.WriteLineAsync($"error: {error}");
        }

        return 1;
    }

    private static Dictionary<string, string?> ParseOptions(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                pending = arg[2..];
                options[pending] = null;
            }
            else if (pending is not null)
            {
                options[pending] = arg;
                pending = null;
            }
        }

        return options;
    }

    private static bool Has(Dictionary<string, string?> options, string name) => !string.IsNullOrWhiteSpace(options.GetValueOrDefault(name));

    private static int IntOption(Dictionary<string, string?> options, string name, int fallback) =>
        int.TryParse(options.GetValueOrDefault(name), out var value) ? value : fallback;
}
