using System.Linq.Expressions;
using Guichet.Domain.People;

namespace Guichet.Domain.Companies;

public enum MembershipRole
{
    Member,
    /// <summary>Approves access requests ("Gérer les utilisateurs").</summary>
    Administrator,
}

public enum MembershipStatus
{
    /// <summary>An access request waiting for the company's administrators.</summary>
    Pending,
    Active,
    Refused,
    Revoked,
    /// <summary>The person left the company ("Quitter cette entreprise" on "Mon compte").</summary>
    Left,
    /// <summary>The person withdrew the request before anyone answered it ("Annuler ma demande").</summary>
    Withdrawn,
}

/// <summary>A person's link to a company: an access request until an administrator decides.</summary>
public sealed class Membership
{
    /// <summary>"Relancer ma demande" emails the administrators again at most this often.</summary>
    public static readonly TimeSpan ReminderInterval = TimeSpan.FromDays(1);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid CompanyId { get; set; }

    public Company? Company { get; set; }

    public MembershipRole Role { get; set; }

    public MembershipStatus Status { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? LastRemindedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The memberships that administer their company, as a query can ask for them.</summary>
    public static Expression<Func<Membership, bool>> ActiveAdministrator { get; } =
        m => m.Status == MembershipStatus.Active && m.Role == MembershipRole.Administrator;

    public bool IsActiveAdministrator => Status == MembershipStatus.Active && Role == MembershipRole.Administrator;

    public bool CanBeApproved => Status == MembershipStatus.Pending;

    public bool CanBeRefused => Status == MembershipStatus.Pending;

    public bool CanBeRevoked => Status == MembershipStatus.Active;

    /// <summary>"Quitter cette entreprise": only an active access can be left.</summary>
    public bool CanBeLeft => Status == MembershipStatus.Active;

    /// <summary>"Annuler ma demande": only a request nobody has answered yet.</summary>
    public bool CanBeWithdrawn => Status == MembershipStatus.Pending;

    public bool CanBeMadeAdministrator => Status == MembershipStatus.Active && Role == MembershipRole.Member;

    /// <summary>
    /// Staff stepping in for a company left without an administrator may choose a member or a person still waiting for
    /// an answer (whom nobody could approve).
    /// </summary>
    public bool CanBeMadeFirstAdministrator => CanBeMadeAdministrator || Status == MembershipStatus.Pending;

    public void Approve(string by, DateTimeOffset at) => Decide(CanBeApproved, MembershipStatus.Active, MembershipRole.Member, by, at);

    public void Refuse(string by, DateTimeOffset at) => Decide(CanBeRefused, MembershipStatus.Refused, Role, by, at);

    /// <summary>An administrator who loses access is a member again, should the access ever be granted anew.</summary>
    public void Revoke(string by, DateTimeOffset at) => Decide(CanBeRevoked, MembershipStatus.Revoked, MembershipRole.Member, by, at);

    /// <summary>An administrator who leaves is a member again, should they ask for access anew.</summary>
    public void Leave(string by, DateTimeOffset at) => Decide(CanBeLeft, MembershipStatus.Left, MembershipRole.Member, by, at);

    public void Withdraw(string by, DateTimeOffset at) => Decide(CanBeWithdrawn, MembershipStatus.Withdrawn, Role, by, at);

    public void MakeAdministrator(string by, DateTimeOffset at) =>
        Decide(CanBeMadeAdministrator, MembershipStatus.Active, MembershipRole.Administrator, by, at);

    public void MakeFirstAdministrator(string by, DateTimeOffset at) =>
        Decide(CanBeMadeFirstAdministrator, MembershipStatus.Active, MembershipRole.Administrator, by, at);

    /// <summary>The first reminder may follow the request at once; the next ones wait a day each.</summary>
    public bool CanRemind(DateTimeOffset now) =>
        Status == MembershipStatus.Pending && (LastRemindedAt is not { } last || last + ReminderInterval <= now);

    public void Touch() => Version = Guid.NewGuid();

    private void Decide(bool allowed, MembershipStatus status, MembershipRole role, string by, DateTimeOffset at)
    {
        if (!allowed)
        {
            throw new InvalidOperationException($"A {Status}/{Role} membership cannot become {status}/{role}.");
        }

        (Status, Role) = (status, role);
        DecidedAt = at;
        DecidedBy = by;
        Touch();
    }
}
