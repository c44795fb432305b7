using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MemberDirectoryAndAuditTrailSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Subject_At",
                table: "audit_entries");

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

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "companies",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "staged_directory_imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StagedBy = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    StagedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staged_directory_imports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_companies_MemberCodeKey",
                table: "companies",
                column: "MemberCodeKey");

            migrationBuilder.CreateIndex(
                name: "IX_companies_NameKey_Siren",
                table: "companies",
                columns: new[] { "NameKey", "Siren" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Actor_At_Id",
                table: "audit_entries",
                columns: new[] { "Actor", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At_Id",
                table: "audit_entries",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Event_At_Id",
                table: "audit_entries",
                columns: new[] { "Event", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_RemoteAddress_At_Id",
                table: "audit_entries",
                columns: new[] { "RemoteAddress", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject_At_Id",
                table: "audit_entries",
                columns: new[] { "Subject", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_WhiteLabelId_At_Id",
                table: "audit_entries",
                columns: new[] { "WhiteLabelId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_staged_directory_imports_ExpiresAt",
                table: "staged_directory_imports",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staged_directory_imports");

            migrationBuilder.DropIndex(
                name: "IX_companies_MemberCodeKey",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "IX_companies_NameKey_Siren",
                table: "companies");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Actor_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Event_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_RemoteAddress_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_Subject_At_Id",
                table: "audit_entries");

            migrationBuilder.DropIndex(
                name: "IX_audit_entries_WhiteLabelId_At_Id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "MemberCodeKey",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "companies");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject_At",
                table: "audit_entries",
                columns: new[] { "Subject", "At" });
        }
    }
}
