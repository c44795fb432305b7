using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Application.Security;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>A company of the member directory, as the add-company form asks for it.</summary>
public sealed record SeededCompany(Guid Id, string Siren, string MemberCode, string Name);

/// <summary>
/// The real server (on SQLite unless a subclass says otherwise) for the web portal's browser tests: its mail goes through
/// SMTP to a real <see cref="SmtpTestServer"/>, and links in emails use the address the browser came in on.
/// </summary>
public class PortalServer : GuichetServer
{
    public const string Password = "Guichet-2025!ok";

    // A field initializer runs before the base constructor, which starts the server and reads Settings.
    private readonly SmtpTestServer _smtp = new();

    public PortalServer()
        : base(DatabaseProvider.Sqlite)
    {
    }

    /// <summary>The same on another provider, for rules of the store whose emails are read back.</summary>
    protected PortalServer(DatabaseProvider provider)
        : base(provider)
    {
    }

    public SmtpTestServer Smtp => _smtp;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Mail:Mode", "Smtp"),
        new("Mail:Smtp:Host", _smtp.Host),
        new("Mail:Smtp:Port", _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Mail:Smtp:UseTls", "None"),
        new("Portal:PublicBaseUrl", string.Empty),
    ];

    public static string NewEmail(string who = "p") => $"{who}-{Guid.NewGuid():N}@exemple.fr";

    /// <summary>A new company in the member directory (through the CSV import), with a random Luhn-valid SIREN.</summary>
    public async Task<SeededCompany> CreateCompanyAsync(string? name = null)
    {
        var siren = NewSiren();
        var code = "ADH" + RandomNumberGenerator.GetInt32(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        name ??= "Entreprise " + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var result = await InScopeAsync(services => services.GetRequiredService<ImportMemberDirectory>()
            .HandleAsync(new StringReader($"SIREN;code adhérent;raison sociale\n{siren};{code};{name}\n"), "test", CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var id = await InDbAsync(db => db.Companies.Where(c => c.Siren == siren).Select(c => c.Id).SingleAsync());
        return new SeededCompany(id, siren, code, name);
    }

    /// <summary>A person whose email is already validated (as if they had signed up and followed the link).</summary>
    public async Task<Person> CreatePersonAsync(string firstName = "Alice", string lastName = "Martin", string? email = null)
    {
        var person = await InScopeAsync(async services =>
        {
            var now = Clock.GetUtcNow();
            var created = new Person
            {
                Email = email ?? NewEmail(),
                FirstName = firstName,
                LastName = lastName,
                PasswordHash = await services.GetRequiredService<PasswordHashing>().HashAsync(Password, CancellationToken.None),
                PasswordChangedAt = now,
                CreatedAt = now,
                EmailConfirmedAt = now,
            };
            var db = services.GetRequiredService<Data.GuichetDbContext>();
            db.People.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        return person;
    }

    /// <summary>The person adds the company through the use case: the first one becomes its administrator.</summary>
    public async Task<AddCompanyOutcome> AddCompanyAsync(Person person, SeededCompany company)
    {
        var result = await InScopeAsync(services => services.GetRequiredService<AddCompany>()
            .HandleAsync(person.Id, company.Siren, company.MemberCode, new PortalLinks(BaseAddress.ToString().TrimEnd('/')), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Value.Outcome;
    }

    /// <summary>Messages received so far for this address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string address) =>
        _smtp.Messages().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Waits until <paramref name="count"/> messages with this subject have reached this address; returns them, oldest first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMailAsync(string address, string subjectStart, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var found = MailTo(address).Where(m => m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                var subjects = string.Join(", ", MailTo(address).Select(m => $"'{m.Subject}'"));
                throw new TimeoutException($"Expected {count} message(s) '{subjectStart}…' to {address}; received: [{subjects}].");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The first link of the message's text whose path contains <paramref name="pathPart"/>.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? message.HtmlBody ?? string.Empty;
        var link = Regex.Matches(text, @"https?://\S+").Select(m => m.Value).FirstOrDefault(l => l.Contains(pathPart, StringComparison.Ordinal));
        Assert.True(link is not null, $"No link containing '{pathPart}' in: {text}");
        return link!;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _smtp.Dispose();
        }
    }

    private static string NewSiren()
    {
        while (true)
        {
            var digits = RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            // The Luhn key: double every second digit from the right, counting the key as the first.
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                var d = digits[7 - i] - '0';
                if (i % 2 == 0)
                {
                    d *= 2;
                    if (d > 9)
                    {
                        d -= 9;
                    }
                }

                sum += d;
            }

            var siren = digits + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Guichet.Identifiers.Siren.IsValid(siren))
            {
                return siren;
            }
        }
    }
}
