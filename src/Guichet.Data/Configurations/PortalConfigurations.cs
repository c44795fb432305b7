using Guichet.Domain.Companies;
using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Email).HasMaxLength(250).IsRequired();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.FirstName).HasMaxLength(Person.MaxNameLength).IsRequired();
        builder.Property(p => p.LastName).HasMaxLength(Person.MaxNameLength).IsRequired();
        // The back office finds a person by a part of their name: no index serves "contains", the query reads the table.
        builder.Property(p => p.NameKey).HasMaxLength(Person.MaxNameKeyLength);
        builder.Property(p => p.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.DisplayName);
        // The back office's queue: Partenaire sign-ups, newest first, still waiting for an establishment.
        builder.HasIndex(p => new { p.SignedUpIn, p.CreatedAt });
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> builder)
    {
        builder.ToTable("companies");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Siren).HasMaxLength(9).IsRequired();
        builder.HasIndex(c => c.Siren).IsUnique();
        builder.Property(c => c.MemberCode).HasMaxLength(Company.MaxMemberCodeLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Company.MaxNameLength).IsRequired();
        // The back office's searches: a member code exactly, a name by prefix (paged by name then SIREN).
        builder.Property(c => c.MemberCodeKey).HasMaxLength(Company.MaxMemberCodeKeyLength);
        builder.HasIndex(c => c.MemberCodeKey);
        builder.Property(c => c.NameKey).HasMaxLength(Company.MaxNameKeyLength);
        builder.HasIndex(c => new { c.NameKey, c.Siren });
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("memberships");
        builder.HasKey(m => m.Id);
        // One request per person and company: a double click cannot create two.
        builder.HasIndex(m => new { m.PersonId, m.CompanyId }).IsUnique();
        builder.HasIndex(m => new { m.CompanyId, m.Status });
        builder.HasOne(m => m.Person).WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Company).WithMany().HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.DecidedBy).HasMaxLength(250);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.IsActiveAdministrator);
    }
}

internal sealed class PersonTokenConfiguration : IEntityTypeConfiguration<PersonToken>
{
    public void Configure(EntityTypeBuilder<PersonToken> builder)
    {
        builder.ToTable("person_tokens");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => new { t.PersonId, t.Purpose });
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
