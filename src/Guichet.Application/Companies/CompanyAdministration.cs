using Guichet.Application.Auditing;
using Guichet.Application.People;
using Guichet.Data;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Companies;

public enum MembershipDecision
{
    Approve,
    Refuse,
    Revoke,
    MakeAdministrator,
}

/// <summary>
/// "Gérer les utilisateurs": what a company's administrator may do to its memberships. The actor's role is checked
/// here, on the server, for every action; a company never loses its last administrator by a click.
/// </summary>
public sealed class CompanyAdministration(GuichetDbContext db, PortalMailer mailer, AuditTrail audit, TimeProvider clock)
{
    public static async Task<List<Person>> ActiveAdministratorsAsync(GuichetDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        await db.Memberships
            .Where(m => m.CompanyId == companyId && m.Status == MembershipStatus.Active && m.Role == MembershipRole.Administrator)
            .Select(m => m.Person!)
            .ToListAsync(cancellationToken);

    /// <summary>True when the person administers the company (active); every page and action of the company asks this.</summary>
    public Task<bool> IsAdministratorAsync(Guid personId, Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.PersonId == personId && m.CompanyId == companyId
            && m.Status == MembershipStatus.Active && m.Role == MembershipRole.Administrator, cancellationToken);

    public async Task<Result<Membership>> DecideAsync(Guid actorId, Guid companyId, Guid membershipId, MembershipDecision decision, PortalLinks links, CancellationToken cancellationToken)
    {
        if (!await IsAdministratorAsync(actorId, companyId, cancellationToken))
        {
            return Result<Membership>.Failure(new Error(ErrorCodes.AccessDenied, "Seuls les administrateurs de l'entreprise gèrent ses utilisateurs."));
        }

        var membership = await db.Memberships.Include(m => m.Person).Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken);
        if (membership is null)
        {
            return Result<Membership>.Failure(new Error(ErrorCodes.InvalidValue, "Cette demande n'existe pas ou plus."));
        }

        var allowed = decision switch
        {
            MembershipDecision.Approve or MembershipDecision.Refuse => membership.Status == MembershipStatus.Pending,
            MembershipDecision.Revoke => membership.Status == MembershipStatus.Active,
            MembershipDecision.MakeAdministrator => membership.Status == MembershipStatus.Active && membership.Role == MembershipRole.Member,
            _ => false,
        };
        if (!allowed)
        {
            return Result<Membership>.Failure(new Error(ErrorCodes.TransitionNotAllowed, "Cette action n'est plus possible : la page n'était pas à jour."));
        }

        if (decision == MembershipDecision.Revoke && membership.Role == MembershipRole.Administrator
            && (await ActiveAdministratorsAsync(db, companyId, cancellationToken)).Count <= 1)
        {
            return Result<Membership>.Failure(new Error(ErrorCodes.LastAdministrator, "L'entreprise doit garder au moins un administrateur : nommez-en un autre d'abord."));
        }

        var actor = await db.People.AsNoTracking().SingleAsync(p => p.Id == actorId, cancellationToken);
        var from = $"{membership.Status}/{membership.Role}";
        (membership.Status, membership.Role) = decision switch
        {
            MembershipDecision.Approve => (MembershipStatus.Active, MembershipRole.Member),
            MembershipDecision.Refuse => (MembershipStatus.Refused, membership.Role),
            MembershipDecision.Revoke => (MembershipStatus.Revoked, MembershipRole.Member),
            _ => (MembershipStatus.Active, MembershipRole.Administrator),
        };
        membership.DecidedAt = clock.GetUtcNow();
        membership.DecidedBy = actor.Email;
        membership.Touch();
        audit.Record(actor.Email, "membership." + decision.ToString().ToLowerInvariant(), null,
            $"{membership.Company!.Siren}:{membership.Person!.Email}", from: from, to: $"{membership.Status}/{membership.Role}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result<Membership>.Failure(new Error(ErrorCodes.ConcurrentModification, "Un autre administrateur vient de traiter cette demande."));
        }

        var text = decision switch
        {
            MembershipDecision.Approve => $"Votre demande d'accès à {membership.Company.Name} a été acceptée. Connectez-vous :",
            MembershipDecision.Refuse => $"Votre demande d'accès à {membership.Company.Name} a été refusée.",
            MembershipDecision.Revoke => $"Votre accès à {membership.Company.Name} a été retiré.",
            _ => $"Vous êtes désormais administrateur de {membership.Company.Name}.",
        };
        await mailer.TrySendAsync(PortalEmails.AccessDecided(membership.Person.Email, membership.Person.FirstName, membership.Company.Name, text, links.Login), cancellationToken);
        return membership;
    }
}
