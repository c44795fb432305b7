using Guichet.Data.Configurations;
using Guichet.Domain.Accounts;
using Guichet.Domain.Auditing;
using Guichet.Domain.Companies;
using Guichet.Domain.Enrolment;
using Guichet.Domain.Imports;
using Guichet.Domain.Mail;
using Guichet.Domain.Partners;
using Guichet.Domain.People;
using Guichet.Domain.Security;
using Guichet.Domain.Staff;
using Guichet.Domain.WhiteLabels;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Data;

/// <summary>
/// The one store of the three front doors. Each provider has a subclass that owns its migrations. Pooled
/// (<see cref="PersistenceServiceCollectionExtensions"/>): no state of its own beyond what EF Core resets.
/// </summary>
public abstract class GuichetDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext, INonceStore
{
    public DbSet<WhiteLabel> WhiteLabels => Set<WhiteLabel>();

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UsedNonce> UsedNonces => Set<UsedNonce>();

    public DbSet<LoginThrottle> LoginThrottles => Set<LoginThrottle>();

    public DbSet<EnrolmentJob> EnrolmentJobs => Set<EnrolmentJob>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Company> Companies => Set<Company>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<StagedImport> StagedImports => Set<StagedImport>();

    public DbSet<PersonToken> PersonTokens => Set<PersonToken>();

    public DbSet<PersonSession> PersonSessions => Set<PersonSession>();

    public DbSet<Establishment> Establishments => Set<Establishment>();

    public DbSet<EstablishmentAccess> EstablishmentAccesses => Set<EstablishmentAccess>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<StaffRecoveryCode> StaffRecoveryCodes => Set<StaffRecoveryCode>();

    public DbSet<OutgoingMail> MailOutbox => Set<OutgoingMail>();

    /// <summary>The key ring, read and written by Data Protection itself (<c>DataProtection:KeyStore</c> = <c>Database</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Each configuration named, not ApplyConfigurationsFromAssembly: that reads the constructors of every type of this
    // assembly, and the SQLite-only ones load Microsoft.Data.Sqlite into a PostgreSQL instance (Hosting/ServerProcessTests).
    // One left out changes the model, which EF Core then refuses to migrate (Hosting/MigrationsTests).
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder
        .ApplyConfiguration(new WhiteLabelConfiguration())
        .ApplyConfiguration(new AccountConfiguration())
        .ApplyConfiguration(new AuditEntryConfiguration())
        .ApplyConfiguration(new EnrolmentJobConfiguration())
        .ApplyConfiguration(new UsedNonceConfiguration())
        .ApplyConfiguration(new LoginThrottleConfiguration())
        .ApplyConfiguration(new StagedImportConfiguration())
        .ApplyConfiguration(new PersonConfiguration())
        .ApplyConfiguration(new CompanyConfiguration())
        .ApplyConfiguration(new MembershipConfiguration())
        .ApplyConfiguration(new PersonTokenConfiguration())
        .ApplyConfiguration(new PersonSessionConfiguration())
        .ApplyConfiguration(new EstablishmentConfiguration())
        .ApplyConfiguration(new EstablishmentAccessConfiguration())
        .ApplyConfiguration(new StaffMemberConfiguration())
        .ApplyConfiguration(new StaffRecoveryCodeConfiguration())
        .ApplyConfiguration(new OutgoingMailConfiguration())
        .ApplyConfiguration(new DataProtectionKeyConfiguration());

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: the database stays readable and reordering an enum cannot corrupt it.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}

public sealed class SqliteGuichetDbContext(DbContextOptions<SqliteGuichetDbContext> options) : GuichetDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date type: store UTC ticks so that comparisons and ordering run in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class PostgresGuichetDbContext(DbContextOptions<PostgresGuichetDbContext> options) : GuichetDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Searched by prefix with >= and < (SearchKeys.PrefixUpperBound): byte order, as SQLite's BINARY, whatever the
        // database's locale (a linguistic collation may ignore blanks and put "ab c" between "abc" and "abd").
        modelBuilder.Entity<Account>().Property(a => a.CompanyNameKey).UseCollation("C");
        modelBuilder.Entity<Account>().Property(a => a.Siret).UseCollation("C");
        modelBuilder.Entity<Company>().Property(c => c.NameKey).UseCollation("C");
        modelBuilder.Entity<Company>().Property(c => c.MemberCodeKey).UseCollation("C");
        modelBuilder.Entity<Establishment>().Property(e => e.NameKey).UseCollation("C");
        modelBuilder.Entity<Person>().Property(p => p.NameKey).UseCollation("C");
    }
}
