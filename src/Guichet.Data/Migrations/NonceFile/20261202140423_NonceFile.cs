using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.NonceFile
{
    /// <inheritdoc />
    public partial class NonceFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "used_nonces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WhiteLabelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Nonce = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_used_nonces", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_used_nonces_ExpiresAt",
                table: "used_nonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_used_nonces_WhiteLabelId_Nonce",
                table: "used_nonces",
                columns: new[] { "WhiteLabelId", "Nonce" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "used_nonces");
        }
    }
}
