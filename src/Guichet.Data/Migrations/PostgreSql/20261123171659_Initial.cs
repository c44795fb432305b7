using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Guichet.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Event = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    WhiteLabelId = table.Column<Guid>(type: "uuid", nullable: true),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FromValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ToValue = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    Login = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    BlockedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_login_throttles", x => x.Login);
                });

            migrationBuilder.CreateTable(
                name: "used_nonces",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WhiteLabelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Nonce = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_used_nonces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "white_labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WsseUsername = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WsseSecretProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SsoKeyProtected = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SsoTokenValidityMinutes = table.Column<int>(type: "integer", nullable: false),
                    LoginPrefix = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    MailDomain = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    MaxSecondaryAccounts = table.Column<int>(type: "integer", nullable: false),
                    AutoEnrol = table.Column<bool>(type: "boolean", nullable: false),
                    SecondaryMailboxByDefault = table.Column<bool>(type: "boolean", nullable: false),
                    DefaultEdiPartnerNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    TestEnvironment = table.Column<bool>(type: "boolean", nullable: false),
                    FieldPresentation = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SecretRotatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_white_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WhiteLabelId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Login = table.Column<string>(type: "character varying(31)", maxLength: 31, nullable: false),
                    FolderNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PrimaryAccountId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsTest = table.Column<bool>(type: "boolean", nullable: false),
                    SecondaryAllowance = table.Column<int>(type: "integer", nullable: false),
                    Mailbox = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    WantsMailbox = table.Column<bool>(type: "boolean", nullable: false),
                    Subscriptions = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    EdiPartnerNumber = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PasswordChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EnrolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accounts_accounts_PrimaryAccountId",
                        column: x => x.PrimaryAccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_accounts_white_labels_WhiteLabelId",
                        column: x => x.WhiteLabelId,
                        principalTable: "white_labels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrolment_jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnqueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeasedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolment_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrolment_jobs_accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_FolderNumber",
                table: "accounts",
                column: "FolderNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_Login",
                table: "accounts",
                column: "Login",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_PrimaryAccountId",
                table: "accounts",
                column: "PrimaryAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_accounts_WhiteLabelId_State",
                table: "accounts",
                columns: new[] { "WhiteLabelId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_At",
                table: "audit_entries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Subject_At",
                table: "audit_entries",
                columns: new[] { "Subject", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolment_jobs_AccountId",
                table: "enrolment_jobs",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_used_nonces_ExpiresAt",
                table: "used_nonces",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_used_nonces_WhiteLabelId_Nonce",
                table: "used_nonces",
                columns: new[] { "WhiteLabelId", "Nonce" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_white_labels_Code",
                table: "white_labels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_white_labels_WsseUsername",
                table: "white_labels",
                column: "WsseUsername",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "enrolment_jobs");

            migrationBuilder.DropTable(
                name: "login_throttles");

            migrationBuilder.DropTable(
                name: "used_nonces");

            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "white_labels");
        }
    }
}
