using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CompanyDirectorySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The keys of the companies already there are filled on start by IndexCompanies, as only C# computes them.
            migrationBuilder.AddColumn<string>(
                name: "MemberCodeKey",
                table: "companies",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "companies",
                type: "TEXT",
                maxLength: 400,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_companies_MemberCodeKey",
                table: "companies",
                column: "MemberCodeKey");

            migrationBuilder.CreateIndex(
                name: "IX_companies_NameKey_Siren",
                table: "companies",
                columns: new[] { "NameKey", "Siren" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_companies_MemberCodeKey",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "IX_companies_NameKey_Siren",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "MemberCodeKey",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "companies");
        }
    }
}
