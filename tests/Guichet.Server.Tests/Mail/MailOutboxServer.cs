using System.Globalization;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Mail;

/// <summary>The portal's server (real SMTP) with retries a second apart, and its log kept.</summary>
public class MailOutboxServer : PortalServer
{
    protected MailOutboxServer(DatabaseProvider provider)
        : base(provider)
    {
    }

    public CapturedLog Log { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. base.Settings, .. FastRetries];

    /// <summary>A failed mail is tried again a second later (at most two).</summary>
    public static IEnumerable<KeyValuePair<string, string>> FastRetries =>
    [
        new("Mail:Outbox:FirstRetryDelay", "00:00:01"),
        new("Mail:Outbox:MaxRetryDelay", "00:00:02"),
        new("Mail:Smtp:Timeout", "00:00:20"),
    ];

    public static IEnumerable<KeyValuePair<string, string>> SmtpSettings(SmtpTestServer smtp) =>
    [
        new("Mail:Mode", "Smtp"),
        new("Mail:Smtp:Host", smtp.Host),
        new("Mail:Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)),
        new("Mail:Smtp:UseTls", "None"),
    ];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<ILoggerProvider>(Log);
    }
}

public sealed class SqliteMailOutboxServer() : MailOutboxServer(DatabaseProvider.Sqlite);

public sealed class PostgresMailOutboxServer() : MailOutboxServer(DatabaseProvider.PostgreSql);

/// <summary>A Guichet instance on a new database whose mail goes to a given SMTP server (for the restart test).</summary>
public sealed class FirstInstance(DatabaseProvider provider, SmtpTestServer smtp) : GuichetServer(provider)
{
    // Initialised before the base constructor starts the server and reads the settings.
    private readonly SmtpTestServer _smtp = smtp;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. MailOutboxServer.SmtpSettings(_smtp), .. MailOutboxServer.FastRetries];
}

/// <summary>Another instance on <paramref name="first"/>'s database and key ring, sending to the same SMTP server.</summary>
public sealed class NextInstance(GuichetServer first, SmtpTestServer smtp)
    : GuichetServer(first.Provider, first.ConnectionString, first.KeysFolder)
{
    private readonly SmtpTestServer _smtp = smtp;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. MailOutboxServer.SmtpSettings(_smtp), .. MailOutboxServer.FastRetries];
}
