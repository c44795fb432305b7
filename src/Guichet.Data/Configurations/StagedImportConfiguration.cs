using Guichet.Domain.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class StagedImportConfiguration : IEntityTypeConfiguration<StagedImport>
{
    public void Configure(EntityTypeBuilder<StagedImport> builder)
    {
        builder.ToTable("staged_imports");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Text).IsRequired();
        builder.Property(s => s.FileName).HasMaxLength(StagedImport.MaxFileNameLength).IsRequired();
        builder.Property(s => s.StagedBy).HasMaxLength(250).IsRequired();
        builder.HasIndex(s => s.ExpiresAt);
    }
}
