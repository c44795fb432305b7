using System.Data;
using System.Diagnostics.CodeAnalysis;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>Steps the staff use cases share: who the actor is, and saving without losing a concurrent change.</summary>
internal static class StaffStore
{
    public const string OperatorActor = "operator";

    /// <summary>A member's status as the audit trail writes its change (from, to).</summary>
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";

    public static string ActorName(StaffMember member) => "staff:" + member.Email;

    /// <summary>
    /// Whether <paramref name="member"/> may enrol an authenticator now, or why not: only an enabled member past the new
    /// password who has none confirmed (the first sign-in, or after a reset).
    /// </summary>
    public static bool MayEnrolTotp([NotNullWhen(true)] StaffMember? member, [NotNullWhen(false)] out Error? refusal)
    {
        refusal = member switch
        {
            null or { Disabled: true } => StaffErrors.SignInExpired(),
            { MustChangePassword: true } => StaffErrors.PasswordChangeRequired(),
            { TotpConfirmed: true } => StaffErrors.TotpAlreadyEnrolled(),
            _ => null,
        };
        return refusal is null;
    }

    /// <summary>The actor's audit name; an administrator must exist, be enabled and still be an administrator.</summary>
    public static async Task<Result<string>> ResolveAsync(this GuichetDbContext db, StaffActor actor, CancellationToken cancellationToken)
    {
        if (actor.AdministratorId is not { } id)
        {
            return OperatorActor;
        }

        var administrator = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return administrator is { IsEnabledAdministrator: true } ? ActorName(administrator) : StaffErrors.AdministratorsOnly();
    }

    /// <summary>The member as the staff list shows it.</summary>
    public static async Task<StaffMemberSummary> SummaryAsync(this GuichetDbContext db, StaffMember s, CancellationToken cancellationToken)
    {
        var codes = await db.StaffRecoveryCodes.CountAsync(c => c.StaffMemberId == s.Id, cancellationToken);
        return new(s.Id, s.Email, s.DisplayName, s.Role, s.Disabled, s.MustChangePassword, s.TotpConfirmed, codes, s.CreatedAt, s.LastSignInAt);
    }

    /// <summary>
    /// Saves; a concurrent change of the same member (version token), a taken email (unique index) or, in a serializable
    /// transaction, a conflicting one becomes an error instead of a lost update.
    /// </summary>
    public static async Task<Error?> SaveStaffAsync(this GuichetDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            db.ChangeTracker.Clear();
            return StaffErrors.EmailTaken("Email");
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException || DbErrors.IsSerializationFailure(exception))
        {
            db.ChangeTracker.Clear();
            return StaffErrors.ConcurrentModification();
        }
    }

    /// <summary>
    /// Runs <paramref name="change"/> in a serializable transaction, for rules that read other rows than the one they
    /// write (the last enabled administrator): of two administrators disabling each other at once, one is refused.
    /// SQLite takes the write lock at the start; PostgreSQL detects the conflict and fails one of them.
    /// </summary>
    public static async Task<Result<T>> SerializableAsync<T>(
        this GuichetDbContext db, Func<Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var result = await change();
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (Exception exception) when (DbErrors.IsSerializationFailure(exception))
        {
            db.ChangeTracker.Clear();
            return StaffErrors.ConcurrentModification();
        }
    }
}
