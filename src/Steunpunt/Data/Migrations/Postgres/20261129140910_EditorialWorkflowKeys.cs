using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Site",
                table: "EditorialSettings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OpenKey",
                table: "ContentDrafts",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "WrittenAt",
                table: "ContentDrafts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

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
