using Guichet.Domain.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class UsedNonceConfiguration : IEntityTypeConfiguration<UsedNonce>
{
    public void Configure(EntityTypeBuilder<UsedNonce> builder)
    {
        builder.ToTable("used_nonces");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Nonce).HasMaxLength(UsedNonce.MaxLength).IsRequired();
        // The replay check is this constraint: of two requests with one nonce, only one insert succeeds.
        builder.HasIndex(n => new { n.WhiteLabelId, n.Nonce }).IsUnique();
        builder.HasIndex(n => n.ExpiresAt);
    }
}

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> builder)
    {
        builder.ToTable("login_throttles");
        builder.HasKey(t => t.Login);
        builder.Property(t => t.Login).HasMaxLength(LoginThrottle.MaxKeyLength);
    }
}
