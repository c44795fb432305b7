using Guichet.Domain.People;

namespace Guichet.Domain.Partners;

/// <summary>
/// Staff associated a person's login with an establishment: the person may act for it in the Partenaire space. Removing
/// the access deletes the row; the audit trail keeps who granted and removed it, and when.
/// </summary>
public sealed class EstablishmentAccess
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public Person? Person { get; set; }

    public Guid EstablishmentId { get; set; }

    public Establishment? Establishment { get; set; }

    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>The audit name of the staff member who opened the access (<c>staff:&lt;email&gt;</c>).</summary>
    public required string GrantedBy { get; set; }
}
