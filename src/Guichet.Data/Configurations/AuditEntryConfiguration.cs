using Guichet.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        builder.Property(e => e.Event).HasMaxLength(60).IsRequired();
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.MaxSubjectLength);
        builder.Property(e => e.FromValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(e => e.ToValue).HasMaxLength(AuditEntry.MaxValueLength);
        builder.Property(e => e.RemoteAddress).HasMaxLength(AuditEntry.MaxRemoteAddressLength);
        builder.Property(e => e.Detail).HasMaxLength(AuditEntry.MaxDetailLength);
        builder.HasIndex(e => new { e.Subject, e.At });
        builder.HasIndex(e => e.At);
    }
}
