using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchAndChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentStamp");

            migrationBuilder.CreateTable(
                name: "ContentChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentChange", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchSynonym",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Means = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchSynonym", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UnansweredSearch",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnansweredSearch", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchSynonym_TenantId",
                table: "SearchSynonym",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_UnansweredSearch_TenantId",
                table: "UnansweredSearch",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_UnansweredSearch_TenantId_Week_Query",
                table: "UnansweredSearch",
                columns: new[] { "TenantId", "Week", "Query" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentChange");

            migrationBuilder.DropTable(
                name: "SearchSynonym");

            migrationBuilder.DropTable(
                name: "UnansweredSearch");

            migrationBuilder.CreateTable(
                name: "ContentStamp",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentStamp", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "ContentStamp",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });
        }
    }
}
