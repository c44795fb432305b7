using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Guichet.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    WhiteLabelId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FromValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ToValue = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "login_throttles",
                columns: table => new
                {
                    Login = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Failures = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_login_throttles", x => x.Login);
                });

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

            migrationBuilder.CreateTable(
                name: "white_labels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WsseUsername = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WsseSecretProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SsoKeyProtected = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SsoTokenValidityMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LoginPrefix = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    MailDomain = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MaxSecondaryAccounts = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoEnrol = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecondaryMailboxByDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefaultEdiPartnerNumber = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    TestEnvironment = table.Column<bool>(type: "INTEGER", nullable: false),
                    FieldPresentation = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SecretRotatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_white_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WhiteLabelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Login = table.Column<string>(type: "TEXT", maxLength: 31, nullable: false),
                    FolderNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PrimaryAccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IsTest = table.Column<bool>(type: "INTEGER", nullable: false),
                    SecondaryAllowance = table.Column<int>(type: "INTEGER", nullable: false),
                    Mailbox = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    WantsMailbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    Subscriptions = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    EdiPartnerNumber = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PasswordChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnqueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeasedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
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
