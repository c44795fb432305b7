namespace Guichet.Domain.Companies;

/// <summary>A member company of the directory (entreprise adhérente), known by SIREN and member code.</summary>
public sealed class Company
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Siren { get; set; }

    public required string MemberCode { get; set; }

    public required string Name { get; set; }
}
