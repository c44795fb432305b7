using Guichet.Domain.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Guichet.Data.Configurations;

internal sealed class PersonSessionConfiguration : IEntityTypeConfiguration<PersonSession>
{
    public void Configure(EntityTypeBuilder<PersonSession> builder)
    {
        builder.ToTable("person_sessions");
        builder.HasKey(s => s.Id);
        // Read by its key on every request; a person's sessions, e.g. to end them all, by this index.
        builder.HasIndex(s => new { s.PersonId, s.EndedAt });
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
