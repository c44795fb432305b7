using Guichet.Application.Mail;
using Guichet.Data;
using Guichet.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// The real server with real SMTP (<see cref="PortalServer"/>) on either provider, for the accesses staff open and
/// remove: mail to an address starting with <see cref="UnreachablePrefix"/> fails as an unreachable mail server would, and
/// <see cref="BeforeNextAccessSave"/> slips a concurrent change in just before the next save that adds or removes an
/// access.
/// </summary>
public class PartnerServer : PortalServer
{
    public const string UnreachablePrefix = "injoignable-";

    private readonly GrantHook _hook = new();

    protected PartnerServer(DatabaseProvider provider)
        : base(provider)
    {
    }

    /// <summary>
    /// <paramref name="change"/> runs once, when the next save adding or removing an establishment access begins: what
    /// another staff member would have done between the use case's checks and its save.
    /// </summary>
    public void BeforeNextAccessSave(Func<Task> change) => _hook.Arm(change);

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        services.ConfigureDbContext<SqliteGuichetDbContext>(options => options.AddInterceptors(_hook));
        services.ConfigureDbContext<PostgresGuichetDbContext>(options => options.AddInterceptors(_hook));
        services.AddSingleton<IMailSender>(provider => new Unreachable(provider.GetRequiredService<SmtpMailSender>()));
    }

    private sealed class Unreachable(IMailSender inner) : IMailSender
    {
        public Task SendAsync(MailMessage message, CancellationToken ct) => message.To.StartsWith(UnreachablePrefix, StringComparison.Ordinal)
            ? throw new MailDeliveryException("The test's mail server is unreachable for this address.")
            : inner.SendAsync(message, ct);
    }

    private sealed class GrantHook : SaveChangesInterceptor
    {
        private Func<Task>? _change;

        public void Arm(Func<Task> change) => _change = change;

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<EstablishmentAccess>().Any(e => e.State is EntityState.Added or EntityState.Deleted)
                && Interlocked.Exchange(ref _change, null) is { } change)
            {
                await change();
            }

            return result;
        }
    }
}

public sealed class SqlitePartnerServer() : PartnerServer(DatabaseProvider.Sqlite);

public sealed class PostgresPartnerServer() : PartnerServer(DatabaseProvider.PostgreSql);
