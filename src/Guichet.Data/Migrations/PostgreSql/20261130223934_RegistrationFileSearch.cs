using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RegistrationFileSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_accounts_WhiteLabelId_State",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "CompanyName",
                table: "accounts",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompanyNameKey",
                table: "accounts",
                type: "character varying(70)",
                maxLength: 70,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<int>(
                name: "FileIndexVersion",
                table: "accounts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ManagerEmail",
                table: "accounts",
                type: "character varying(250)",
                maxLength: 250,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "accounts",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StateChangedAt",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Hand-written (keep it when regenerating): until now no state change was dated; the creation is the best
            // known date. Portable: both columns have the same type on each provider. The search columns are filled on
            // start by IndexRegistrationFiles (FileIndexVersion 0), as only C# can compute the company-name key.
            migrationBuilder.Sql("UPDATE accounts SET \"StateChangedAt\" = \"CreatedAt\";");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_CompanyNameKey",
                table: "accounts",
                column: "CompanyNameKey");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_CreatedAt_Id",
                table: "accounts",
                columns: new[] { "CreatedAt", "Id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_FileIndexVersion",
                table: "accounts",
                column: "FileIndexVersion");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_Kind_State",
                table: "accounts",
                columns: new[] { "Kind", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_ManagerEmail",
                table: "accounts",
                column: "ManagerEmail");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_Siret",
                table: "accounts",
                column: "Siret");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_State_CreatedAt_Id",
                table: "accounts",
                columns: new[] { "State", "CreatedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_State_StateChangedAt_Id",
                table: "accounts",
                columns: new[] { "State", "StateChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_WhiteLabelId_CreatedAt_Id",
                table: "accounts",
                columns: new[] { "WhiteLabelId", "CreatedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_WhiteLabelId_State_CreatedAt_Id",
                table: "accounts",
                columns: new[] { "WhiteLabelId", "State", "CreatedAt", "Id" },
                descending: new[] { false, false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_accounts_CompanyNameKey",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_CreatedAt_Id",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_FileIndexVersion",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_Kind_State",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_ManagerEmail",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_Siret",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_State_CreatedAt_Id",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_State_StateChangedAt_Id",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_WhiteLabelId_CreatedAt_Id",
                table: "accounts");

            migrationBuilder.DropIndex(
                name: "IX_accounts_WhiteLabelId_State_CreatedAt_Id",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "CompanyName",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "CompanyNameKey",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "FileIndexVersion",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ManagerEmail",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "StateChangedAt",
                table: "accounts");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_WhiteLabelId_State",
                table: "accounts",
                columns: new[] { "WhiteLabelId", "State" });
        }
    }
}
