using System.Text.RegularExpressions;
using Guichet.Application.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Guichet.Server.Tests.Portal;

/// <summary>Calls the portal's use cases directly on a running server, and reads the mails its pickup folder received.</summary>
public static partial class PortalSteps
{
    public static readonly PortalLinks Links = new("http://portail.test");

    public static string UniqueEmail() => $"p-{Guid.NewGuid():N}@exemple.fr";

    public static Task<T> UseAsync<TUseCase, T>(this GuichetServer server, Func<TUseCase, Task<T>> call)
        where TUseCase : notnull =>
        server.InScopeAsync(services => call(services.GetRequiredService<TUseCase>()));

    public static async Task<Guid> ConfirmedPersonAsync(this GuichetServer server, string email, string password = "Motdepasse1!")
    {
        await server.UseAsync<SignUp, Guichet.Domain.Common.Result<string>>(signUp =>
            signUp.HandleAsync(new SignUpRequest(email, email, password, password, "Prénom", "Nom", false), Links, null, CancellationToken.None));
        var token = TokenFrom(await server.WaitForMailAsync(email, "Validation de création"));
        var validated = await server.UseAsync<ValidateEmail, Guichet.Domain.Common.Result<Guichet.Domain.People.Person>>(v =>
            v.HandleAsync(token, CancellationToken.None));
        Assert.True(validated.Succeeded);
        return validated.Value.Id;
    }

    public static List<MimeMessage> MailsTo(this GuichetServer server, string address) =>
        Directory.Exists(server.MailFolder)
            ? Directory.GetFiles(server.MailFolder, "*.eml").Order(StringComparer.Ordinal)
                .Select(path => MimeMessage.Load(path))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList()
            : [];

    public static async Task<MimeMessage> WaitForMailAsync(this GuichetServer server, string address, string subjectPart, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var matching = server.MailsTo(address).Where(m => (m.Subject ?? string.Empty).Contains(subjectPart, StringComparison.Ordinal)).ToList();
            if (matching.Count >= count)
            {
                return matching[count - 1];
            }

            Assert.True(DateTime.UtcNow < deadline, $"No mail \"{subjectPart}\" #{count} to {address}.");
            await Task.Delay(50);
        }
    }

    public static string TokenFrom(MimeMessage message) => TokenPattern().Match(message.TextBody ?? string.Empty).Groups[1].Value;

    [GeneratedRegex("jeton=([A-Za-z0-9_%-]+)")]
    private static partial Regex TokenPattern();
}
