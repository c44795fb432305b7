using System.Net;
using System.Net.Sockets;
using Guichet.Application.Mail;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Mail;

/// <summary>The SMTP sender against a real SMTP server (aiosmtpd): what arrives is what was sent.</summary>
public sealed class SmtpMailSenderTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    private const string Link = "https://guichet.example.fr/validation?jeton=3f9a1c07e2b84d56";

    [Fact]
    public async Task FrenchSubjectWithLink_ReachesTheServerIntact()
    {
        var to = $"marie.lefevre+{Guid.NewGuid():N}@exemple.fr";
        var message = new MailMessage(
            to,
            "Validez la création de votre compte — Guichet",
            $"Bonjour,\n\nPour activer votre accès, ouvrez ce lien : {Link}\n\nÀ bientôt,\nL'équipe Guichet",
            $"<p>Pour activer votre accès, <a href=\"{Link}\">cliquez ici</a>.</p>");

        await Sender(SmtpTls.None).SendAsync(message, CancellationToken.None);

        var received = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == to), TimeSpan.FromSeconds(10));
        Assert.Equal("Validez la création de votre compte — Guichet", received.Subject);
        Assert.Equal(to, Assert.Single(received.To.Mailboxes).Address);
        var from = Assert.Single(received.From.Mailboxes);
        Assert.Equal("no-reply@guichet.local", from.Address);
        Assert.Equal("Guichet", from.Name);
        Assert.Contains(Link, received.TextBody, StringComparison.Ordinal);
        Assert.Contains("À bientôt", received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Link}\"", received.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultTls_FallsBackToPlainOnAServerWithoutStartTls()
    {
        var to = $"defaut+{Guid.NewGuid():N}@exemple.fr";

        await Sender(new SmtpOptions().UseTls).SendAsync(new MailMessage(to, "Sans TLS", "Corps"), CancellationToken.None);

        var received = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == to), TimeSpan.FromSeconds(10));
        Assert.Equal("Sans TLS", received.Subject);
    }

    [Fact]
    public async Task UnreachablePort_ThrowsMailDeliveryException()
    {
        var sender = Sender(SmtpTls.None, port: ClosedPort());

        var exception = await Assert.ThrowsAsync<MailDeliveryException>(
            () => sender.SendAsync(new MailMessage("personne@exemple.fr", "Sujet", "Corps"), CancellationToken.None));

        Assert.IsType<SocketException>(exception.InnerException);
    }

    [Fact]
    public async Task StartTlsRequiredOnAServerWithoutIt_ThrowsMailDeliveryException()
    {
        var to = $"tls+{Guid.NewGuid():N}@exemple.fr";

        await Assert.ThrowsAsync<MailDeliveryException>(
            () => Sender(SmtpTls.StartTls).SendAsync(new MailMessage(to, "Sujet", "Corps"), CancellationToken.None));

        Assert.DoesNotContain(smtp.Messages(), m => m.To.Mailboxes.Any(a => a.Address == to));
    }

    private SmtpMailSender Sender(SmtpTls tls, int? port = null) => new(
        Options.Create(new MailOptions
        {
            Mode = MailMode.Smtp,
            Smtp = new SmtpOptions { Host = smtp.Host, Port = port ?? smtp.Port, UseTls = tls, Timeout = TimeSpan.FromSeconds(10) },
        }),
        TimeProvider.System,
        NullLogger<SmtpMailSender>.Instance);

    /// <summary>A loopback port nobody listens on: taken from the system, then released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
