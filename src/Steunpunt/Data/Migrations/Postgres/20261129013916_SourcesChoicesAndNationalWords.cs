using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
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
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "TermChoices",
                table: "RegionalPage",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SeededHash",
                table: "GlossaryTerm",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SeededHash",
                table: "FaqItem",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "FaqItem",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TermChoices",
                table: "FaqItem",
                type: "character varying(1000)",
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
