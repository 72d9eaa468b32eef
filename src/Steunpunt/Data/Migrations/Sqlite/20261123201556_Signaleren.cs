using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Signaleren : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AnsweredOnTime",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FirstDueOn",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "Cases",
                type: "TEXT",
                maxLength: 2,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "PartnershipId",
                table: "AspNetUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Signals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ThemeCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phases = table.Column<int>(type: "INTEGER", nullable: false),
                    Gemeenten = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BoardResponse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PublicFeedback = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FeedbackPublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Signals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Stories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Teller = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeCodes = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Feeling = table.Column<int>(type: "INTEGER", nullable: false),
                    FeltHeard = table.Column<int>(type: "INTEGER", nullable: false),
                    MayQuote = table.Column<bool>(type: "INTEGER", nullable: false),
                    Moment = table.Column<string>(type: "TEXT", nullable: false),
                    WhatHappened = table.Column<string>(type: "TEXT", nullable: false),
                    Meaning = table.Column<string>(type: "TEXT", nullable: false),
                    Needed = table.Column<string>(type: "TEXT", nullable: false),
                    RedactedText = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UseAsQuote = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmissionHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignalLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignalLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignalLinks_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TenantId_ReceivedAt",
                table: "Cases",
                columns: new[] { "TenantId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SignalLinks_SignalId_CaseId",
                table: "SignalLinks",
                columns: new[] { "SignalId", "CaseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignalLinks_SignalId_StoryId",
                table: "SignalLinks",
                columns: new[] { "SignalId", "StoryId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SignalLinks_TenantId",
                table: "SignalLinks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_TenantId",
                table: "Signals",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Signals_TenantId_Status",
                table: "Signals",
                columns: new[] { "TenantId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TenantId",
                table: "Stories",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TenantId_ReceivedAt",
                table: "Stories",
                columns: new[] { "TenantId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Stories_TenantId_SubmissionHash",
                table: "Stories",
                columns: new[] { "TenantId", "SubmissionHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SignalLinks");

            migrationBuilder.DropTable(
                name: "Stories");

            migrationBuilder.DropTable(
                name: "Signals");

            migrationBuilder.DropIndex(
                name: "IX_Cases_TenantId_ReceivedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AnsweredOnTime",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "FirstDueOn",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "PartnershipId",
                table: "AspNetUsers");
        }
    }
}
