using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NationalAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InOprichting",
                table: "Tenant",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LiveAt",
                table: "Tenant",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveBy",
                table: "Tenant",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadyAt",
                table: "Tenant",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadyBy",
                table: "Tenant",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InOprichting",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "LiveAt",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "LiveBy",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "ReadyAt",
                table: "Tenant");

            migrationBuilder.DropColumn(
                name: "ReadyBy",
                table: "Tenant");
        }
    }
}
