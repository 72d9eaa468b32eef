using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UnansweredSearchPeople : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Searches counted before were stored as typed (names, phone numbers, e-mail addresses included) and
            // without knowing how many people searched them: they are dropped rather than shown.
            migrationBuilder.Sql("DELETE FROM \"UnansweredSearch\";");

            migrationBuilder.AddColumn<int>(
                name: "People",
                table: "UnansweredSearch",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SeenBy",
                table: "UnansweredSearch",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "People",
                table: "UnansweredSearch");

            migrationBuilder.DropColumn(
                name: "SeenBy",
                table: "UnansweredSearch");
        }
    }
}
