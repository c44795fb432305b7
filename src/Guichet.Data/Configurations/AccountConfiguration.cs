using System.Text.Json;
using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;
using Guichet.Identifiers;
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
        // The back office's file list (Application/Accounts/Files): newest first, ties broken by id (keyset paging), alone,
        // within a state, a white label, or both; equality or prefix lookups for the free text. See README "Registration files".
        builder.HasIndex(a => new { a.CreatedAt, a.Id }).IsDescending(true, true);
        builder.HasIndex(a => new { a.State, a.CreatedAt, a.Id }).IsDescending(false, true, true);
        builder.HasIndex(a => new { a.WhiteLabelId, a.CreatedAt, a.Id }).IsDescending(false, true, true);
        builder.HasIndex(a => new { a.WhiteLabelId, a.State, a.CreatedAt, a.Id }).IsDescending(false, false, true, true);
        builder.Property(a => a.Siret).HasMaxLength(Siret.Length);
        builder.HasIndex(a => a.Siret);
        builder.Property(a => a.CompanyName).HasMaxLength(AccountData.MaxCompanyNameLength);
        builder.Property(a => a.CompanyNameKey).HasMaxLength(Account.MaxCompanyNameKeyLength);
        builder.HasIndex(a => a.CompanyNameKey);
        builder.Property(a => a.ManagerEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(a => a.ManagerEmail);
        // The dashboard: the oldest file waiting in a state; the count per state read from an index alone.
        builder.HasIndex(a => new { a.State, a.StateChangedAt, a.Id });
        builder.HasIndex(a => new { a.Kind, a.State });
        // Rows left to index on start (Account.CurrentFileIndexVersion): none, once done.
        builder.HasIndex(a => a.FileIndexVersion);
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
