using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SchoolYear = table.Column<int>(type: "integer", nullable: false),
                    TakenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Statuses = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LeidraadSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SwvPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartnershipId = table.Column<Guid>(type: "uuid", nullable: false),
                    Function = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwvPlans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanMilestones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true)
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
