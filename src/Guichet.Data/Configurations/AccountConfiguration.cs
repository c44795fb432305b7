using System.Text.Json;
using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Login).HasMaxLength(31).IsRequired();
        // System-wide uniqueness of logins is a constraint, not a check-then-insert: two concurrent registrations
        // of one name cannot both succeed. A secondary's login contains its primary's, so this also makes
        // secondary names unique per primary.
        builder.HasIndex(a => a.Login).IsUnique();
        builder.Property(a => a.FolderNumber).HasMaxLength(20).IsRequired();
        builder.HasIndex(a => a.FolderNumber).IsUnique();
        builder.HasIndex(a => new { a.WhiteLabelId, a.State });
        builder.HasOne<WhiteLabel>().WithMany().HasForeignKey(a => a.WhiteLabelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.PrimaryAccount).WithMany().HasForeignKey(a => a.PrimaryAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Mailbox).HasMaxLength(300);
        builder.Property(a => a.Subscriptions).HasMaxLength(400);
        builder.Property(a => a.EdiPartnerNumber).HasMaxLength(7);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ReceiptPasswordProtected).HasMaxLength(500);
        builder.Property(a => a.ReceiptRequestHash).HasMaxLength(64);
        builder.HasIndex(a => a.ReceiptExpiresAt);
        // The registration file is one document: stored as JSON, read and validated as a whole.
        builder.Property(a => a.Data)
            .HasConversion(
                data => data == null ? null : JsonSerializer.Serialize(data, s_json),
                json => json == null ? null : JsonSerializer.Deserialize<AccountData>(json, s_json),
                new ValueComparer<AccountData?>(
                    (left, right) => JsonSerializer.Serialize(left, s_json) == JsonSerializer.Serialize(right, s_json),
                    data => JsonSerializer.Serialize(data, s_json).GetHashCode(StringComparison.Ordinal),
                    data => data == null ? null : JsonSerializer.Deserialize<AccountData>(JsonSerializer.Serialize(data, s_json), s_json)));
    }
}
