using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Guichet.Application.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Section <c>Mail</c> (with <c>Mail:Outbox</c>), validated on start, and the <see cref="IMailSender"/> its <c>Mode</c>
    /// names. The outbox and its worker, which need the store, are registered with the use cases.
    /// </summary>
    public static IServiceCollection AddGuichetMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>()
            .BindConfiguration(MailOptions.Section)
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Mail:From must be a mail address, e.g. \"Guichet <no-reply@example.fr>\".")
            .Validate(o => o.Mode != MailMode.Pickup || !string.IsNullOrWhiteSpace(o.PickupFolder),
                "Mail:PickupFolder is required when Mail:Mode is Pickup.")
            .Validate(o => o.Mode != MailMode.Smtp || !string.IsNullOrWhiteSpace(o.Smtp.Host), "Mail:Smtp:Host is required when Mail:Mode is Smtp.")
            .Validate(o => o.Smtp.Port is > 0 and <= 65535, "Mail:Smtp:Port must be between 1 and 65535.")
            .Validate(o => o.Smtp.Timeout > TimeSpan.Zero, "Mail:Smtp:Timeout must be positive.")
            .Validate(o => o.Outbox.PollInterval > TimeSpan.Zero, "Mail:Outbox:PollInterval must be positive (e.g. 00:00:05).")
            .Validate(o => o.Outbox.FirstRetryDelay > TimeSpan.Zero, "Mail:Outbox:FirstRetryDelay must be positive (e.g. 00:01:00).")
            .Validate(o => o.Outbox.MaxRetryDelay >= o.Outbox.FirstRetryDelay,
                "Mail:Outbox:MaxRetryDelay must be at least Mail:Outbox:FirstRetryDelay (e.g. 01:00:00).")
            .Validate(o => o.Outbox.GiveUpAfter > TimeSpan.Zero, "Mail:Outbox:GiveUpAfter must be positive (e.g. 2.00:00:00).")
            .Validate(o => o.Outbox.Lease > 4 * o.Smtp.Timeout,
                "Mail:Outbox:Lease must be longer than four times Mail:Smtp:Timeout (connect, authenticate, send, quit), e.g. 00:05:00.")
            .Validate(o => o.Outbox.Retention > TimeSpan.Zero, "Mail:Outbox:Retention must be positive (e.g. 30.00:00:00).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SmtpMailSender>();
        services.TryAddSingleton<PickupFolderMailSender>();
        services.TryAddSingleton<IMailSender>(provider => provider.GetRequiredService<IOptions<MailOptions>>().Value.Mode switch
        {
            MailMode.Smtp => provider.GetRequiredService<SmtpMailSender>(),
            _ => provider.GetRequiredService<PickupFolderMailSender>(),
        });
        return services;
    }
}
