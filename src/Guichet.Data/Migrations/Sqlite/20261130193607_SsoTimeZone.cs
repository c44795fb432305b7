using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SsoTimeZone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SsoTimeZone",
                table: "white_labels",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                // Existing white labels read SSO tokens in French time, the seed's implicit zone.
                defaultValue: "Europe/Paris");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SsoTimeZone",
                table: "white_labels");
        }
    }
}
