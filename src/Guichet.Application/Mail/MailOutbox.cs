using Guichet.Data;
using Guichet.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Mail;

/// <summary>
/// The one place an email is sent from a use case: <see cref="Add"/> puts it into the current unit of work, so it is
/// saved with the change that causes it (and a change that is not saved sends nothing). The mail worker sends it; this
/// instance's worker is woken as soon as the change is saved.
/// </summary>
public sealed class MailOutbox
{
    private readonly GuichetDbContext _db;
    private readonly MailContent _content;
    private readonly MailSignal _signal;
    private readonly TimeProvider _clock;
    private bool _added;

    public MailOutbox(GuichetDbContext db, MailContent content, MailSignal signal, TimeProvider clock)
    {
        _db = db;
        _content = content;
        _signal = signal;
        _clock = clock;
        db.SavedChanges += OnSavedChanges;
    }

    /// <summary>Adds the message to the unit of work; call the context's SaveChanges after (as for any change).</summary>
    public void Add(MailMessage message)
    {
        var now = _clock.GetUtcNow();
        _db.MailOutbox.Add(new OutgoingMail
        {
            Recipient = message.To,
            ProtectedSubject = _content.ProtectSubject(message.Subject),
            ProtectedBody = _content.ProtectBody(message),
            EnqueuedAt = now,
            NextAttemptAt = now,
        });
        _added = true;
    }

    private void OnSavedChanges(object? sender, SavedChangesEventArgs e)
    {
        if (_added)
        {
            _added = false;
            _signal.Notify();
        }
    }
}
