using Guichet.Application.Auditing;
using Guichet.Application.Mail;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.People;

namespace Guichet.Application.People;

/// <summary>
/// The step every new password of a person ends with, whichever way it came (<see cref="ChangePassword"/> from "Mon compte"
/// or the expired-password page, <see cref="ResetPassword"/> from a lost-password link): the hash, a new security stamp
/// (every other session ends), the audit line, and the email "Votre mot de passe a été modifié", so that a person whose
/// password someone else changed learns it and can take the account back with the lost-password link.
/// </summary>
public sealed class PersonPasswordChange(GuichetDbContext db, PasswordHashing hashing, MailOutbox outbox, AuditTrail audit, TimeProvider clock)
{
    /// <summary>
    /// The new password's hash, made first and apart: a caller that spends a link in a transaction hashes before it
    /// begins (<see cref="ResetPassword"/>).
    /// </summary>
    public Task<string> HashAsync(string password, CancellationToken cancellationToken) => hashing.HashAsync(password, cancellationToken);

    /// <summary>
    /// Saves the new password (its <paramref name="passwordHash"/>, from <see cref="HashAsync"/>) with its audit line and the
    /// email (in the outbox; its links lead into <paramref name="links"/>' space); false, with nothing saved, when the person
    /// changed meanwhile (another tab, a link requested at that moment).
    /// </summary>
    public async Task<bool> CompleteAsync(Person person, string passwordHash, PortalLinks links, string? remoteAddress,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        person.SetPassword(passwordHash, now);
        audit.Record(person.Email, AuditEvents.PersonPasswordChanged, null, person.Email, remoteAddress: remoteAddress);
        outbox.Add(PortalEmails.PasswordChanged(person.Email, now, links.LostPassword));
        return await db.TrySaveChangesAsync(cancellationToken);
    }
}
