using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KlankbordPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DraftShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    Panel = table.Column<int>(type: "integer", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SharedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftShares_ContentDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ContentDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Panel = table.Column<int>(type: "integer", nullable: false),
                    Present = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmailHash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Panel = table.Column<int>(type: "integer", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Panel = table.Column<int>(type: "integer", nullable: false),
                    ParagraphKey = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ParagraphLabel = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelComments_ContentDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ContentDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelComments_PanelMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PanelMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelSignInLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Hash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSignInLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSignInLinks_PanelMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PanelMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelVerdicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DraftId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: false),
                    Answer = table.Column<int>(type: "integer", nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelVerdicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelVerdicts_ContentDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "ContentDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelVerdicts_PanelMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "PanelMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftShares_DraftId_Panel",
                table: "DraftShares",
                columns: new[] { "DraftId", "Panel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DraftShares_TenantId",
                table: "DraftShares",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelComments_DraftId_WrittenAt",
                table: "PanelComments",
                columns: new[] { "DraftId", "WrittenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelComments_MemberId",
                table: "PanelComments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelComments_TenantId",
                table: "PanelComments",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_TenantId",
                table: "PanelMeetings",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_TenantId_HeldOn",
                table: "PanelMeetings",
                columns: new[] { "TenantId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_TenantId",
                table: "PanelMembers",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembers_TenantId_EmailHash",
                table: "PanelMembers",
                columns: new[] { "TenantId", "EmailHash" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelSignInLinks_Hash",
                table: "PanelSignInLinks",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelSignInLinks_MemberId",
                table: "PanelSignInLinks",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSignInLinks_TenantId",
                table: "PanelSignInLinks",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelVerdicts_DraftId_MemberId",
                table: "PanelVerdicts",
                columns: new[] { "DraftId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelVerdicts_MemberId",
                table: "PanelVerdicts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelVerdicts_TenantId",
                table: "PanelVerdicts",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftShares");

            migrationBuilder.DropTable(
                name: "PanelComments");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropTable(
                name: "PanelSignInLinks");

            migrationBuilder.DropTable(
                name: "PanelVerdicts");

            migrationBuilder.DropTable(
                name: "PanelMembers");
        }
    }
}
