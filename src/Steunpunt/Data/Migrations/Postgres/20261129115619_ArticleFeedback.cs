using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ArticleFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: true),
                    FaqItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Useful = table.Column<bool>(type: "boolean", nullable: false),
                    Week = table.Column<DateOnly>(type: "date", nullable: false),
                    HasText = table.Column<bool>(type: "boolean", nullable: false),
                    Missed = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleFeedback", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_TenantId",
                table: "ArticleFeedback",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_TenantId_FaqItemId",
                table: "ArticleFeedback",
                columns: new[] { "TenantId", "FaqItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleFeedback_Week",
                table: "ArticleFeedback",
                column: "Week");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleFeedback");
        }
    }
}
