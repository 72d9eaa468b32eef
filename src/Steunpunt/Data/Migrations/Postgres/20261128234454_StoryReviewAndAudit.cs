using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StoryReviewAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "OriginalDeletedAt",
                table: "Stories",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "CaseAudit",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "StoryId",
                table: "CaseAudit",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseAudit_StoryId",
                table: "CaseAudit",
                column: "StoryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseAudit_StoryId",
                table: "CaseAudit");

            migrationBuilder.DropColumn(
                name: "OriginalDeletedAt",
                table: "Stories");

            migrationBuilder.DropColumn(
                name: "StoryId",
                table: "CaseAudit");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "CaseAudit",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
