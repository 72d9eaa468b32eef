using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EditorialWorkflowKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EditorialSettings_TenantId",
                table: "EditorialSettings");

            migrationBuilder.AddColumn<string>(
                name: "ChangedBy",
                table: "EditorialSettings",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Site",
                table: "EditorialSettings",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OpenKey",
                table: "ContentDrafts",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WrittenAt",
                table: "ContentDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_EditorialSettings_Site",
                table: "EditorialSettings",
                column: "Site",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EditorialSettings_TenantId",
                table: "EditorialSettings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentDrafts_OpenKey",
                table: "ContentDrafts",
                column: "OpenKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EditorialSettings_Site",
                table: "EditorialSettings");

            migrationBuilder.DropIndex(
                name: "IX_EditorialSettings_TenantId",
                table: "EditorialSettings");

            migrationBuilder.DropIndex(
                name: "IX_ContentDrafts_OpenKey",
                table: "ContentDrafts");

            migrationBuilder.DropColumn(
                name: "ChangedBy",
                table: "EditorialSettings");

            migrationBuilder.DropColumn(
                name: "Site",
                table: "EditorialSettings");

            migrationBuilder.DropColumn(
                name: "OpenKey",
                table: "ContentDrafts");

            migrationBuilder.DropColumn(
                name: "WrittenAt",
                table: "ContentDrafts");

            migrationBuilder.CreateIndex(
                name: "IX_EditorialSettings_TenantId",
                table: "EditorialSettings",
                column: "TenantId",
                unique: true);
        }
    }
}
