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

    public bool IsActiveAdministrator => Status == MembershipStatus.Active && Role == MembershipRole.Administrator;

    /// <summary>The first reminder may follow the request at once; the next ones wait a day each.</summary>
    public bool CanRemind(DateTimeOffset now) =>
        Status == MembershipStatus.Pending && (LastRemindedAt is not { } last || last + ReminderInterval <= now);

    public void Touch() => Version = Guid.NewGuid();
}
