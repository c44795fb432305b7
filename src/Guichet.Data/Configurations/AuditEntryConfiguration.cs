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
        // The trail is read newest first by (At, Id), and each of its filters is an equality that seeks the rows of one
        // value already in that order (SearchAuditTrail); the period is a range of the first index. (Event, At) also
        // serves the maintenance worker's purge of old authentication failures.
        builder.HasIndex(e => new { e.At, e.Id });
        builder.HasIndex(e => new { e.Actor, e.At, e.Id });
        builder.HasIndex(e => new { e.Event, e.At, e.Id });
        builder.HasIndex(e => new { e.WhiteLabelId, e.At, e.Id });
        builder.HasIndex(e => new { e.Subject, e.At, e.Id });
        builder.HasIndex(e => new { e.RemoteAddress, e.At, e.Id });
    }
}
