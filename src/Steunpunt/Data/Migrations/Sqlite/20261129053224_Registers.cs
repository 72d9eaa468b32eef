using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Registers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RegisterSchools",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Brin = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Vestiging = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Gemeente = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    Pupils = table.Column<int>(type: "INTEGER", nullable: true),
                    SwvCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSchools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterSwvs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSwvs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterUploads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSchools_Brin_Vestiging",
                table: "RegisterSchools",
                columns: new[] { "Brin", "Vestiging" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSchools_Postcode",
                table: "RegisterSchools",
                column: "Postcode");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSchools_SwvCode",
                table: "RegisterSchools",
                column: "SwvCode");

            migrationBuilder.CreateIndex(
                name: "IX_RegisterSwvs_Code",
                table: "RegisterSwvs",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RegisterSchools");

            migrationBuilder.DropTable(
                name: "RegisterSwvs");

            migrationBuilder.DropTable(
                name: "RegisterUploads");
        }
    }
}
