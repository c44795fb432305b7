using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Guichet.Data.Migrations.PostgreSql;

/// <summary>
/// Vacuums the accounts table once a hundredth of its rows are dead, not PostgreSQL's default fifth. Each status change
/// and file change writes a new version of the row and an entry in each of its indexes; at 1,000,000 accounts a fifth is
/// 200,000 dead versions, and changeAccountStatus made 89 % of its empty-store rate until they were vacuumed, 97 % with
/// this in a full run (bench/RESULTS.md, "changeAccountStatus at 1,000,000 accounts on PostgreSQL" and the run after
/// it). A storage parameter is not in EF Core's model: hence SQL, no model change, and nothing for SQLite.
/// </summary>
[DbContext(typeof(PostgresGuichetDbContext))]
[Migration("20261205133000_AccountsAutovacuum")]
public sealed class AccountsAutovacuum : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE accounts SET (autovacuum_vacuum_scale_factor = 0.01);");

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql("ALTER TABLE accounts RESET (autovacuum_vacuum_scale_factor);");
}
