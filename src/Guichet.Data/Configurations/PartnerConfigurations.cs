using Guichet.Domain.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> builder)
    {
        builder.ToTable("establishments");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Siret).HasMaxLength(14).IsRequired();
        builder.HasIndex(e => e.Siret).IsUnique();
        builder.Property(e => e.Siren).HasMaxLength(9).IsRequired();
        builder.HasIndex(e => e.Siren);
        builder.Property(e => e.Name).HasMaxLength(Establishment.MaxNameLength).IsRequired();
        // The back office searches a name by prefix, paged by name then SIRET.
        builder.Property(e => e.NameKey).HasMaxLength(Establishment.MaxNameKeyLength).IsRequired();
        builder.HasIndex(e => new { e.NameKey, e.Siret });
        builder.Property(e => e.Address).HasMaxLength(Establishment.MaxAddressLength).IsRequired();
        builder.Property(e => e.PostalCode).HasMaxLength(Establishment.MaxPostalCodeLength).IsRequired();
        builder.Property(e => e.City).HasMaxLength(Establishment.MaxCityLength).IsRequired();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class EstablishmentAccessConfiguration : IEntityTypeConfiguration<EstablishmentAccess>
{
    public void Configure(EntityTypeBuilder<EstablishmentAccess> builder)
    {
        builder.ToTable("establishment_accesses");
        builder.HasKey(a => a.Id);
        // One access per person and establishment: two agents granting at once cannot create two.
        builder.HasIndex(a => new { a.PersonId, a.EstablishmentId }).IsUnique();
        builder.HasIndex(a => a.EstablishmentId);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Establishment).WithMany().HasForeignKey(a => a.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.GrantedBy).HasMaxLength(250).IsRequired();
    }
}
