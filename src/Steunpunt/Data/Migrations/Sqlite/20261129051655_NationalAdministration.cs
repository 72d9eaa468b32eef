using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "LiveAt",
                table: "Tenant",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiveBy",
                table: "Tenant",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReadyAt",
                table: "Tenant",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReadyBy",
                table: "Tenant",
                type: "TEXT",
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
