using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardReportDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BoardReportReleases_TenantId_PartnershipId_PeriodKey",
                table: "BoardReportReleases");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "BoardReportReleases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // existing publications become version 1

            migrationBuilder.CreateTable(
                name: "BoardAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    When = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardAnswers_Partnership_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnership",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BoardAnswers_Signals_SignalId",
                        column: x => x.SignalId,
                        principalTable: "Signals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BoardReportReleases_TenantId_PartnershipId_PeriodKey_Number",
                table: "BoardReportReleases",
                columns: new[] { "TenantId", "PartnershipId", "PeriodKey", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardAnswers_PartnershipId",
                table: "BoardAnswers",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardAnswers_SignalId_PartnershipId",
                table: "BoardAnswers",
                columns: new[] { "SignalId", "PartnershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardAnswers_TenantId",
                table: "BoardAnswers",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardAnswers");

            migrationBuilder.DropIndex(
                name: "IX_BoardReportReleases_TenantId_PartnershipId_PeriodKey_Number",
                table: "BoardReportReleases");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "BoardReportReleases");

            migrationBuilder.CreateIndex(
                name: "IX_BoardReportReleases_TenantId_PartnershipId_PeriodKey",
                table: "BoardReportReleases",
                columns: new[] { "TenantId", "PartnershipId", "PeriodKey" },
                unique: true);
        }
    }
}
