using Guichet.Domain.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Recipient).HasMaxLength(OutgoingMail.MaxRecipientLength).IsRequired();
        builder.Property(m => m.ProtectedSubject).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.MaxErrorLength);
        // The worker's question: what is pending and due now.
        builder.HasIndex(m => new { m.State, m.NextAttemptAt });
        // The retention's question: what finished long ago.
        builder.HasIndex(m => m.FinishedAt);
    }
}
