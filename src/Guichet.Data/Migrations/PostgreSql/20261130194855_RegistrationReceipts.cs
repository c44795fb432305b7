using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class RegistrationReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReceiptExpiresAt",
                table: "accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptPasswordProtected",
                table: "accounts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptRequestHash",
                table: "accounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_ReceiptExpiresAt",
                table: "accounts",
                column: "ReceiptExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_accounts_ReceiptExpiresAt",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ReceiptExpiresAt",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ReceiptPasswordProtected",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "ReceiptRequestHash",
                table: "accounts");
        }
    }
}
