using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Guichet.Application.Mail;

/// <summary>
/// The embedded default: each message becomes a <c>.eml</c> file in the pickup folder (openable by any mail client)
/// instead of being sent.
/// </summary>
public sealed class PickupFolderMailSender(IOptions<MailOptions> options, TimeProvider clock, ILogger<PickupFolderMailSender> logger) : IMailSender
{
    private readonly MailOptions _options = options.Value;

    /// <summary>Absolute, so the log says where to look whatever the working directory.</summary>
    public string Folder { get; } = Path.GetFullPath(options.Value.PickupFolder);

    public async Task SendAsync(MailMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mime = MimeMessages.Create(message, _options.From, now);
        Directory.CreateDirectory(Folder);
        // UTC timestamp first so names sort in sending order; the random part keeps two messages in one tick apart.
        var name = $"{now.UtcDateTime:yyyyMMdd'T'HHmmssfffffff'Z'}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.eml";
        var path = Path.Combine(Folder, name);
        // Written under a temporary name then renamed: whoever watches the folder never reads half a message.
        var temporary = path + ".tmp";
        await using (var stream = File.Create(temporary))
        {
            await mime.WriteToAsync(stream, ct);
        }

        File.Move(temporary, path);
        // Where to look, not what it says: the text holds live links (validation, reset) that a log must not keep
        // (ASVS 7.1.1). At Debug, for a newcomer who prefers the console to opening the file.
        logger.LogInformation("Mail to {To} written to {Path} (Mail:Mode is Pickup, nothing was sent).", message.To, path);
        logger.LogDebug("Mail to {To}, subject {Subject}:\n{TextBody}", message.To, message.Subject, message.TextBody);
    }
}
