using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SourcesChoicesAndNationalWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "TenantId",
                table: "SearchSynonym",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "TermChoices",
                table: "RegionalPage",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SeededHash",
                table: "GlossaryTerm",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeededHash",
                table: "FaqItem",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "FaqItem",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TermChoices",
                table: "FaqItem",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TermChoices",
                table: "RegionalPage");

            migrationBuilder.DropColumn(
                name: "SeededHash",
                table: "GlossaryTerm");

            migrationBuilder.DropColumn(
                name: "SeededHash",
                table: "FaqItem");

            migrationBuilder.DropColumn(
                name: "Sources",
                table: "FaqItem");

            migrationBuilder.DropColumn(
                name: "TermChoices",
                table: "FaqItem");

            migrationBuilder.AlterColumn<Guid>(
                name: "TenantId",
                table: "SearchSynonym",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
