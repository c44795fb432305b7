using Guichet.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(StaffMember.MaxEmailLength).IsRequired();
        builder.HasIndex(s => s.Email).IsUnique();
        builder.Property(s => s.DisplayName).HasMaxLength(StaffMember.MaxDisplayNameLength).IsRequired();
        builder.Property(s => s.PasswordHash).HasMaxLength(200).IsRequired();
        builder.Property(s => s.TotpSecretProtected).HasMaxLength(StaffMember.MaxProtectedSecretLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.RecoveryCodes).WithOne().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsEnabledAdministrator);
        builder.Ignore(s => s.NextStep);
    }
}

internal sealed class StaffRecoveryCodeConfiguration : IEntityTypeConfiguration<StaffRecoveryCode>
{
    public void Configure(EntityTypeBuilder<StaffRecoveryCode> builder)
    {
        builder.ToTable("staff_recovery_codes");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(StaffRecoveryCode.MaxHashLength).IsRequired();
    }
}
