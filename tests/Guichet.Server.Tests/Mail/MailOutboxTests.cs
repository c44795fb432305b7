using System.Data.Common;
using Guichet.Application.Mail;
using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Mail;
using Guichet.Domain.People;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.Mail;

/// <summary>
/// The mail outbox on both providers, with a real SMTP server: mail leaves after the change that causes it is saved,
/// waits through an SMTP outage and a restart, is never sent twice by competing workers, and is unreadable at rest.
/// </summary>
public abstract class MailOutboxTests(MailOutboxServer server)
{
    private static readonly PortalLinks s_links = new("http://portail.test");

    [Fact]
    public async Task LostPassword_TheEmailArrivesThroughSmtp_AndItsRowIsKeptWithoutItsBody()
    {
        var person = await server.CreatePersonAsync();

        await RequestResetAsync(server, person.Email);

        var mail = Assert.Single(await server.WaitForMailAsync(person.Email, "Réinitialisation"));
        Assert.Contains("jeton=", mail.TextBody, StringComparison.Ordinal);
        await server.AllMailSentAsync(person.Email);
        var row = await RowAsync(server, person.Email);
        Assert.Equal((OutgoingMailState.Sent, 1, (string?)null, (Guid?)null), (row.State, row.Attempts, row.ProtectedBody, row.LeaseId));
        Assert.NotNull(row.FinishedAt);
    }

    [Fact]
    public async Task SmtpOutage_DelaysTheEmail_AndLosesNone()
    {
        var person = await server.CreatePersonAsync();
        server.Smtp.Stop();
        try
        {
            await RequestResetAsync(server, person.Email);

            var waiting = await server.WaitForFailedAttemptAsync(person.Email);
            Assert.True(waiting.Attempts >= 1);
            Assert.True(waiting.NextAttemptAt > waiting.EnqueuedAt, "The retry waits.");
            Assert.Contains(nameof(MailDeliveryException), waiting.LastError, StringComparison.Ordinal);
            Assert.NotNull(waiting.ProtectedBody);
            Assert.Empty(server.MailTo(person.Email));
        }
        finally
        {
            server.Smtp.Start();
        }

        Assert.Single(await server.WaitForMailAsync(person.Email, "Réinitialisation"));
        await server.AllMailSentAsync(person.Email);
        var sent = await RowAsync(server, person.Email);
        Assert.Equal(OutgoingMailState.Sent, sent.State);
        Assert.True(sent.Attempts >= 2);
        Assert.Null(sent.ProtectedBody);
    }

    [Fact]
    public async Task Restart_ANewInstanceSendsWhatWasPending()
    {
        using var smtp = new SmtpTestServer();
        smtp.Stop();
        using var first = new FirstInstance(server.Provider, smtp);
        var to = PortalServer.NewEmail("relance");
        await EnqueueAsync(first, new MailMessage(to, "Avant l'arrêt", "En attente."));
        await first.WaitForFailedAttemptAsync(to);
        // The first instance stops sending, as when its process ends: its worker is stopped.
        await first.Services.GetServices<IHostedService>().OfType<MailWorker>().Single().StopAsync(CancellationToken.None);
        var attempts = (await RowAsync(first, to)).Attempts;

        smtp.Start();
        using var next = new NextInstance(first, smtp);

        var received = await smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == to), TimeSpan.FromSeconds(20));
        Assert.Equal("Avant l'arrêt", received.Subject);
        await next.AllMailSentAsync(to);
        var row = await RowAsync(next, to);
        Assert.Equal((OutgoingMailState.Sent, attempts + 1), (row.State, row.Attempts));
    }

    [Fact]
    public async Task RolledBackChange_LeavesNoRow_AndSendsNothing()
    {
        var person = await server.CreatePersonAsync();
        var to = PortalServer.NewEmail("annule");

        var failed = await server.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<GuichetDbContext>();
            services.GetRequiredService<MailOutbox>().Add(new MailMessage(to, "Jamais", "Ce message ne part pas."));
            // The change that causes the email fails (the address is taken): the email goes with it.
            db.People.Add(new Person { Email = person.Email, FirstName = "A", LastName = "B", PasswordHash = "x" });
            var exception = await Record.ExceptionAsync(() => db.SaveChangesAsync());
            return exception;
        });

        Assert.IsType<DbUpdateException>(failed);
        Assert.False(await server.InDbAsync(db => db.MailOutbox.AnyAsync(m => m.Recipient == to)));
        await Task.Delay(500);
        Assert.Empty(server.MailTo(to));
    }

    [Fact]
    public async Task CompetingWorkers_SendEachRowOnce()
    {
        var recipients = Enumerable.Range(0, 20).Select(i => PortalServer.NewEmail($"course{i}")).ToList();
        // Written not yet due, so that nobody sends them before the workers below are lined up.
        await server.InScopeAsync(async services =>
        {
            var outbox = services.GetRequiredService<MailOutbox>();
            recipients.ForEach(to => outbox.Add(new MailMessage(to, "Une seule fois", "Un seul exemplaire.")));
            var db = services.GetRequiredService<GuichetDbContext>();
            foreach (var entry in db.ChangeTracker.Entries<OutgoingMail>())
            {
                entry.Entity.NextAttemptAt = server.Clock.GetUtcNow().AddHours(1);
            }

            return await db.SaveChangesAsync();
        });

        using var start = new Barrier(3);
        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(() => server.InScopeAsync(services =>
        {
            start.SignalAndWait();
            return services.GetRequiredService<SendOutgoingMail>().HandleAsync(CancellationToken.None);
        }))).ToList();
        await server.InDbAsync(db => db.MailOutbox.Where(m => recipients.Contains(m.Recipient))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, server.Clock.GetUtcNow().AddSeconds(-1))));
        await Task.WhenAll(workers);

        foreach (var to in recipients)
        {
            await server.AllMailSentAsync(to);
        }

        // The background worker of the server competes too; whoever sent a row, it left once.
        await Task.Delay(300);
        Assert.All(recipients, to => Assert.Single(server.MailTo(to)));
        var attempts = await server.InDbAsync(db => db.MailOutbox.Where(m => recipients.Contains(m.Recipient)).Select(m => m.Attempts).ToListAsync());
        Assert.All(attempts, a => Assert.Equal(1, a));
    }

    [Fact]
    public async Task StoredRow_NeitherSubjectNorBodyIsReadable()
    {
        var to = PortalServer.NewEmail("secret");
        var secret = "jeton=" + Guid.NewGuid().ToString("N");
        server.Smtp.Stop();
        string[] stored;
        try
        {
            await EnqueueAsync(server, new MailMessage(to, "Sujet confidentiel", $"Votre lien : https://portail.test/?{secret}", $"<a>{secret}</a>"));
            stored = await RawRowAsync(server, to);
        }
        finally
        {
            server.Smtp.Start();
        }

        Assert.Contains(to, stored);
        Assert.DoesNotContain(stored, value => value.Contains(secret, StringComparison.Ordinal) || value.Contains("confidentiel",
            StringComparison.Ordinal));
        var received = Assert.Single(await server.WaitForMailAsync(to, "Sujet confidentiel"));
        Assert.Contains(secret, received.TextBody, StringComparison.Ordinal);
        await server.AllMailSentAsync(to);
        Assert.Null((await RowAsync(server, to)).ProtectedBody);
    }

    [Fact]
    public async Task FailingPastTheGiveUpDelay_IsGivenUp_LoggedAsAnError_AndItsBodyWiped()
    {
        var to = PortalServer.NewEmail("abandon");
        server.Smtp.Stop();
        try
        {
            await EnqueueAsync(server, new MailMessage(to, "Abandonné", "Ne partira pas."));
            await server.WaitForFailedAttemptAsync(to);
            var now = server.Clock.GetUtcNow();
            await server.InDbAsync(db => db.MailOutbox.Where(m => m.Recipient == to).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.EnqueuedAt, now.AddDays(-3))
                .SetProperty(m => m.NextAttemptAt, now.AddSeconds(-1))));

            await server.AllMailSentAsync(to);
        }
        finally
        {
            server.Smtp.Start();
        }

        var row = await RowAsync(server, to);
        Assert.Equal((OutgoingMailState.GaveUp, (string?)null), (row.State, row.ProtectedBody));
        Assert.NotNull(row.FinishedAt);
        Assert.NotNull(row.LastError);
        Assert.Contains(server.Log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains($"to {to} given up", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Purge_DeletesFinishedRowsPastTheRetention_Only()
    {
        var now = server.Clock.GetUtcNow();
        var (old, recent, pending) = (PortalServer.NewEmail("ancien"), PortalServer.NewEmail("recent"), PortalServer.NewEmail("attente"));
        await server.InDbAsync(db =>
        {
            db.MailOutbox.AddRange(
                Row(old, OutgoingMailState.Sent, now.AddDays(-40), now.AddDays(-31)),
                Row(recent, OutgoingMailState.GaveUp, now.AddDays(-40), now.AddDays(-29)),
                Row(pending, OutgoingMailState.Pending, now.AddDays(-40), null));
            return db.SaveChangesAsync();
        });

        var purged = await server.InScopeAsync(services => services.GetRequiredService<PurgeFinishedMail>().HandleAsync(CancellationToken.None));

        Assert.True(purged >= 1);
        var left = await server.InDbAsync(db => db.MailOutbox.Where(m => m.Recipient == old || m.Recipient == recent || m.Recipient == pending)
            .Select(m => m.Recipient).ToListAsync());
        Assert.Equal(new[] { recent, pending }.Order(StringComparer.Ordinal), left.Order(StringComparer.Ordinal));
    }

    private static OutgoingMail Row(string to, OutgoingMailState state, DateTimeOffset enqueued, DateTimeOffset? finished) => new()
    {
        Recipient = to,
        ProtectedSubject = "x",
        State = state,
        EnqueuedAt = enqueued,
        // A pending row not due before tomorrow: the worker leaves it alone.
        NextAttemptAt = finished is null ? DateTimeOffset.UtcNow.AddDays(1) : enqueued,
        FinishedAt = finished,
    };

    private static Task<int> RequestResetAsync(GuichetServer on, string email) => on.InScopeAsync(async services =>
    {
        await services.GetRequiredService<RequestPasswordReset>().HandleAsync(email, s_links, null, CancellationToken.None);
        return 0;
    });

    private static Task<int> EnqueueAsync(GuichetServer on, MailMessage message) => on.InScopeAsync(services =>
    {
        services.GetRequiredService<MailOutbox>().Add(message);
        return services.GetRequiredService<GuichetDbContext>().SaveChangesAsync();
    });

    private static Task<OutgoingMail> RowAsync(GuichetServer on, string to) =>
        on.InDbAsync(db => db.MailOutbox.AsNoTracking().SingleAsync(m => m.Recipient == to));

    /// <summary>Every column of the row as the database holds it, read with plain SQL.</summary>
    private static Task<string[]> RawRowAsync(GuichetServer on, string to) => on.InDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM mail_outbox WHERE \"Recipient\" = @to";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@to";
        parameter.Value = to;
        command.Parameters.Add(parameter);
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i),
            System.Globalization.CultureInfo.InvariantCulture) ?? "")
            .ToArray();
    });
}

public sealed class MailOutboxTestsOnSqlite(SqliteMailOutboxServer server) : MailOutboxTests(server), IClassFixture<SqliteMailOutboxServer>;

public sealed class MailOutboxTestsOnPostgres(PostgresMailOutboxServer server) : MailOutboxTests(server), IClassFixture<PostgresMailOutboxServer>;
