using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WhiteLabelAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Disabled",
                table: "white_labels",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "white_labels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousSsoKeyProtected",
                table: "white_labels",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousSsoKeyUntil",
                table: "white_labels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousWsseSecretProtected",
                table: "white_labels",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousWsseSecretUntil",
                table: "white_labels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SsoKeyRotatedAt",
                table: "white_labels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "white_labels",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Disabled",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "PreviousSsoKeyProtected",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "PreviousSsoKeyUntil",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "PreviousWsseSecretProtected",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "PreviousWsseSecretUntil",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "SsoKeyRotatedAt",
                table: "white_labels");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "white_labels");
        }
    }
}
