using Guichet.Application.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Mail;

/// <summary><c>AddGuichetMail</c> picks the sender from <c>Mail:Mode</c> and refuses incomplete settings.</summary>
public sealed class MailRegistrationTests
{
    [Fact]
    public void NoMailSection_ResolvesThePickupFolderSender()
    {
        using var services = Build([]);

        Assert.IsType<PickupFolderMailSender>(services.GetRequiredService<IMailSender>());
    }

    [Fact]
    public void ModeSmtp_ResolvesTheSmtpSender()
    {
        using var services = Build(new() { ["Mail:Mode"] = "Smtp", ["Mail:Smtp:Host"] = "smtp.exemple.fr" });

        Assert.IsType<SmtpMailSender>(services.GetRequiredService<IMailSender>());
    }

    [Fact]
    public void SmtpSettings_AreBound()
    {
        using var services = Build(new()
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:From"] = "Guichet ACME <guichet@acme.fr>",
            ["Mail:Smtp:Host"] = "smtp.exemple.fr",
            ["Mail:Smtp:Port"] = "465",
            ["Mail:Smtp:UseTls"] = "SslOnConnect",
            ["Mail:Smtp:Username"] = "guichet",
        });

        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;

        Assert.Equal(("Guichet ACME <guichet@acme.fr>", "smtp.exemple.fr", 465, SmtpTls.SslOnConnect, "guichet"),
            (options.From, options.Smtp.Host, options.Smtp.Port, options.Smtp.UseTls, options.Smtp.Username));
    }

    [Fact]
    public void ModeSmtpWithoutHost_FailsValidation()
    {
        using var services = Build(new() { ["Mail:Mode"] = "Smtp" });

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IMailSender>());

        Assert.Contains("Mail:Smtp:Host", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddGuichetMail();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
