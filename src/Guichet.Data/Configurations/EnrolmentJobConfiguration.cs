using Guichet.Domain.Accounts;
using Guichet.Domain.Enrolment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class EnrolmentJobConfiguration : IEntityTypeConfiguration<EnrolmentJob>
{
    public void Configure(EntityTypeBuilder<EnrolmentJob> builder)
    {
        builder.ToTable("enrolment_jobs");
        builder.HasKey(j => j.Id);
        builder.HasIndex(j => j.AccountId).IsUnique();
        builder.HasOne<Account>().WithMany().HasForeignKey(j => j.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.LastError).HasMaxLength(2000);
        builder.Property(j => j.Version).IsConcurrencyToken();
    }
}
