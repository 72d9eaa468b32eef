using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeidraadPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LeidraadSnapshots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Statuses = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeidraadSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SwvPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Function = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwvPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanMilestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanMilestones_SwvPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "SwvPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LeidraadSnapshots_TenantId",
                table: "LeidraadSnapshots",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LeidraadSnapshots_TenantId_SchoolYear",
                table: "LeidraadSnapshots",
                columns: new[] { "TenantId", "SchoolYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanMilestones_PlanId",
                table: "PlanMilestones",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanMilestones_TenantId",
                table: "PlanMilestones",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SwvPlans_TenantId",
                table: "SwvPlans",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_SwvPlans_TenantId_PartnershipId_Function",
                table: "SwvPlans",
                columns: new[] { "TenantId", "PartnershipId", "Function" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LeidraadSnapshots");

            migrationBuilder.DropTable(
                name: "PlanMilestones");

            migrationBuilder.DropTable(
                name: "SwvPlans");
        }
    }
}
