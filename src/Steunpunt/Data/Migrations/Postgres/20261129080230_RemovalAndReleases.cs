using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RemovalAndReleases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemovedAt",
                table: "Tenant",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemovedBy",
                table: "Tenant",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsReview",
                table: "FaqItem",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AnonymisedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "InformationReleases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    PublishAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InformationReleases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LayerAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ChangeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FaqItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Layer = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LayerAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReleaseChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReleaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    FaqItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    IsNew = table.Column<bool>(type: "boolean", nullable: false),
                    Question = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProposedJson = table.Column<string>(type: "text", nullable: false),
                    TextBefore = table.Column<string>(type: "text", nullable: false),
                    TextAfter = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReleaseChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReleaseChanges_InformationReleases_ReleaseId",
                        column: x => x.ReleaseId,
                        principalTable: "InformationReleases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_TenantId_Sector_ReceivedAt_RequesterRole_Channel_Cont~",
                table: "Cases",
                columns: new[] { "TenantId", "Sector", "ReceivedAt", "RequesterRole", "Channel", "ContactWay", "AnsweredOnTime" });

            migrationBuilder.CreateIndex(
                name: "IX_InformationReleases_Number",
                table: "InformationReleases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InformationReleases_Status_PublishAt",
                table: "InformationReleases",
                columns: new[] { "Status", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LayerAlerts_TenantId",
                table: "LayerAlerts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_LayerAlerts_TenantId_Decision",
                table: "LayerAlerts",
                columns: new[] { "TenantId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseChanges_FaqItemId",
                table: "ReleaseChanges",
                column: "FaqItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ReleaseChanges_ReleaseId",
                table: "ReleaseChanges",
                column: "ReleaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LayerAlerts");

            migrationBuilder.DropTable(
                name: "ReleaseChanges");

            migrationBuilder.DropTable(
                name: "InformationReleases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_TenantId_Sector_ReceivedAt_RequesterRole_Channel_Cont~",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "RemovedBy",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "NeedsReview",
                table: "FaqItem");

            migrationBuilder.DropColumn(
                name: "AnonymisedAt",
                table: "Cases");
        }
    }
}
