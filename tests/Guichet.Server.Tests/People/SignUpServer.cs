using Guichet.Application.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.People;

/// <summary>The portal's server (real SMTP) whose password hasher counts the hashes it makes.</summary>
public class SignUpServer : PortalServer
{
    protected SignUpServer(DatabaseProvider provider)
        : base(provider)
    {
    }

    public CountingPasswordHashing Hashing { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Mail:Smtp:Timeout", "00:00:20")];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.AddSingleton<PasswordHashing>(Hashing);
    }
}

public sealed class SqliteSignUpServer() : SignUpServer(DatabaseProvider.Sqlite);

public sealed class PostgresSignUpServer() : SignUpServer(DatabaseProvider.PostgreSql);
