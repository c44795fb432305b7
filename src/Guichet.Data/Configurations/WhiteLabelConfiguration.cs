using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class WhiteLabelConfiguration : IEntityTypeConfiguration<WhiteLabel>
{
    public void Configure(EntityTypeBuilder<WhiteLabel> builder)
    {
        builder.ToTable("white_labels");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Code).HasMaxLength(WhiteLabel.CodeMaxLength).IsRequired();
        builder.HasIndex(w => w.Code).IsUnique();
        builder.Property(w => w.Name).HasMaxLength(WhiteLabel.NameMaxLength).IsRequired();
        builder.Property(w => w.WsseUsername).HasMaxLength(100).IsRequired();
        builder.HasIndex(w => w.WsseUsername).IsUnique();
        builder.Property(w => w.WsseSecretProtected).HasMaxLength(1000).IsRequired();
        builder.Property(w => w.SsoKeyProtected).HasMaxLength(1000);
        builder.Property(w => w.PreviousWsseSecretProtected).HasMaxLength(1000);
        builder.Property(w => w.PreviousSsoKeyProtected).HasMaxLength(1000);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.Property(w => w.SsoTimeZone).HasMaxLength(WhiteLabel.SsoTimeZoneMaxLength).IsRequired();
        builder.Property(w => w.LoginPrefix).HasMaxLength(WhiteLabel.LoginPrefixMaxLength).IsRequired();
        builder.Property(w => w.MailDomain).HasMaxLength(WhiteLabel.MailDomainMaxLength).IsRequired();
        builder.Property(w => w.DefaultEdiPartnerNumber).HasMaxLength(7);
    }
}
