using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrailSearch : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
