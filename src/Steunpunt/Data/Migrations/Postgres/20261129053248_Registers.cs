using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Brin = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Vestiging = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    Gemeente = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Pupils = table.Column<int>(type: "integer", nullable: true),
                    SwvCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSchools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterSwvs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Sector = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterSwvs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RegisterUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
