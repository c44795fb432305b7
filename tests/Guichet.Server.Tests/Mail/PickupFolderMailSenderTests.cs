using Guichet.Application.Mail;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Guichet.Server.Tests.Mail;

/// <summary>The embedded default: one <c>.eml</c> per message in the pickup folder, and the text in the log.</summary>
public sealed class PickupFolderMailSenderTests : IDisposable
{
    private const string Link = "https://guichet.example.fr/validation?jeton=3f9a1c07e2b84d56";

    // A folder that does not exist yet: the sender creates it.
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guichet-pickup-" + Guid.NewGuid().ToString("N")[..8], "mail");
    private readonly CapturingLogger<PickupFolderMailSender> _logger = new();

    [Fact]
    public async Task OneMessage_IsWrittenAsAnEmlFileMimeKitCanLoad()
    {
        var message = new MailMessage("marie.lefevre@exemple.fr", "Validez la création de votre compte — Guichet", $"Ouvrez ce lien : {Link}");

        await Sender().SendAsync(message, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var loaded = await MimeMessage.LoadAsync(file);
        Assert.Equal("Validez la création de votre compte — Guichet", loaded.Subject);
        Assert.Equal("marie.lefevre@exemple.fr", Assert.Single(loaded.To.Mailboxes).Address);
        Assert.Equal("no-reply@guichet.local", Assert.Single(loaded.From.Mailboxes).Address);
        Assert.Equal($"Ouvrez ce lien : {Link}", loaded.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task TwoMessages_AreTwoFilesInSendingOrder()
    {
        var sender = Sender();

        await sender.SendAsync(new MailMessage("premier@exemple.fr", "Premier", "Un"), CancellationToken.None);
        await sender.SendAsync(new MailMessage("second@exemple.fr", "Second", "Deux"), CancellationToken.None);

        var files = Directory.GetFiles(_folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        Assert.Equal(["Premier", "Second"], files.Select(f => MimeMessage.Load(f).Subject));
    }

    [Fact]
    public async Task Message_LinksStayOutOfTheLog_ExceptAtDebug()
    {
        await Sender().SendAsync(new MailMessage("marie.lefevre@exemple.fr", "Validation", $"Ouvrez ce lien : {Link}"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains(file, StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Entries, e => e.Level > LogLevel.Debug && e.Message.Contains(Link, StringComparison.Ordinal));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains(Link, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidRecipient_IsRefusedWithoutWritingAFile()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => Sender().SendAsync(new MailMessage("pas une adresse", "Sujet", "Corps"), CancellationToken.None));

        Assert.False(Directory.Exists(_folder) && Directory.EnumerateFileSystemEntries(_folder).Any());
    }

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private PickupFolderMailSender Sender() =>
        new(Options.Create(new MailOptions { PickupFolder = _folder }), TimeProvider.System, _logger);
}
