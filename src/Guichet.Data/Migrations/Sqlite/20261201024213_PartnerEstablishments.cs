using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnerEstablishments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SignedUpIn",
                table: "people",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "Entreprise"); // People before the Partenaire space signed up in the Entreprise space.

            migrationBuilder.CreateTable(
                name: "establishments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Siret = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    Siren = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "establishment_accesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EstablishmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_establishment_accesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_establishment_accesses_establishments_EstablishmentId",
                        column: x => x.EstablishmentId,
                        principalTable: "establishments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_establishment_accesses_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_people_SignedUpIn_CreatedAt",
                table: "people",
                columns: new[] { "SignedUpIn", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_establishment_accesses_EstablishmentId",
                table: "establishment_accesses",
                column: "EstablishmentId");

            migrationBuilder.CreateIndex(
                name: "IX_establishment_accesses_PersonId_EstablishmentId",
                table: "establishment_accesses",
                columns: new[] { "PersonId", "EstablishmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_establishments_NameKey_Siret",
                table: "establishments",
                columns: new[] { "NameKey", "Siret" });

            migrationBuilder.CreateIndex(
                name: "IX_establishments_Siren",
                table: "establishments",
                column: "Siren");

            migrationBuilder.CreateIndex(
                name: "IX_establishments_Siret",
                table: "establishments",
                column: "Siret",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "establishment_accesses");

            migrationBuilder.DropTable(
                name: "establishments");

            migrationBuilder.DropIndex(
                name: "IX_people_SignedUpIn_CreatedAt",
                table: "people");

            migrationBuilder.DropColumn(
                name: "SignedUpIn",
                table: "people");
        }
    }
}
