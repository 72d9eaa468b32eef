using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Steunpunt.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExpertiseNetworkAndEditorial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "TimeSensitive",
                table: "RegionalPage",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Calendar",
                table: "OutgoingMail",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "PublishAt",
                table: "FaqItem",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "TimeSensitive",
                table: "FaqItem",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ContentVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SteunpuntId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AskedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pillar = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MayName = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlaysWider = table.Column<bool>(type: "INTEGER", nullable: false),
                    TakenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    TakenByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertQuestions_Tenant_SteunpuntId",
                        column: x => x.SteunpuntId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: false),
                    Pillar = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CreditedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FromQuestionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WrittenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PracticeExamples",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SteunpuntId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SteunpuntName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWeDid = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatWorked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatDidNot = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    WhatItTook = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Pillar = table.Column<int>(type: "INTEGER", nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RegionSize = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ContactAgreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EditorRemark = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeExamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PracticeExamples_Tenant_SteunpuntId",
                        column: x => x.SteunpuntId,
                        principalTable: "Tenant",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Site = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Week = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Webinars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Pillar = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    RoomUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MaxParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordingUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SlidesUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Answers = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: true),
                    PlannedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Webinars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExpertMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ByExpert = table.Column<bool>(type: "INTEGER", nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertMessages_ExpertQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "ExpertQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PracticeContacts",
                columns: table => new
                {
                    ExampleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeContacts", x => x.ExampleId);
                    table.ForeignKey(
                        name: "FK_PracticeContacts_PracticeExamples_ExampleId",
                        column: x => x.ExampleId,
                        principalTable: "PracticeExamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebinarQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebinarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ThemeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebinarQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebinarQuestions_Webinars_WebinarId",
                        column: x => x.WebinarId,
                        principalTable: "Webinars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WebinarRegistrations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WebinarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EmailHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReminderQueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WebinarRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WebinarRegistrations_Webinars_WebinarId",
                        column: x => x.WebinarId,
                        principalTable: "Webinars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_SubjectId_Number",
                table: "ContentVersions",
                columns: new[] { "SubjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentVersions_TenantId",
                table: "ContentVersions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertMessages_QuestionId_At",
                table: "ExpertMessages",
                columns: new[] { "QuestionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertQuestions_Status_LastActivityAt",
                table: "ExpertQuestions",
                columns: new[] { "Status", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertQuestions_SteunpuntId_LastActivityAt",
                table: "ExpertQuestions",
                columns: new[] { "SteunpuntId", "LastActivityAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeItems_FromQuestionId",
                table: "KnowledgeItems",
                column: "FromQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeItems_Slug",
                table: "KnowledgeItems",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PracticeExamples_Status_PublishedAt",
                table: "PracticeExamples",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PracticeExamples_SteunpuntId",
                table: "PracticeExamples",
                column: "SteunpuntId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewReminders_Site_Week",
                table: "ReviewReminders",
                columns: new[] { "Site", "Week" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WebinarQuestions_WebinarId",
                table: "WebinarQuestions",
                column: "WebinarId");

            migrationBuilder.CreateIndex(
                name: "IX_WebinarRegistrations_ReminderQueuedAt_WebinarId",
                table: "WebinarRegistrations",
                columns: new[] { "ReminderQueuedAt", "WebinarId" });

            migrationBuilder.CreateIndex(
                name: "IX_WebinarRegistrations_WebinarId_EmailHash",
                table: "WebinarRegistrations",
                columns: new[] { "WebinarId", "EmailHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Webinars_StartsAt",
                table: "Webinars",
                column: "StartsAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentVersions");

            migrationBuilder.DropTable(
                name: "ExpertMessages");

            migrationBuilder.DropTable(
                name: "KnowledgeItems");

            migrationBuilder.DropTable(
                name: "PracticeContacts");

            migrationBuilder.DropTable(
                name: "ReviewReminders");

            migrationBuilder.DropTable(
                name: "WebinarQuestions");

            migrationBuilder.DropTable(
                name: "WebinarRegistrations");

            migrationBuilder.DropTable(
                name: "ExpertQuestions");

            migrationBuilder.DropTable(
                name: "PracticeExamples");

            migrationBuilder.DropTable(
                name: "Webinars");

            migrationBuilder.DropColumn(
                name: "TimeSensitive",
                table: "RegionalPage");

            migrationBuilder.DropColumn(
                name: "Calendar",
                table: "OutgoingMail");

            migrationBuilder.DropColumn(
                name: "PublishAt",
                table: "FaqItem");

            migrationBuilder.DropColumn(
                name: "TimeSensitive",
                table: "FaqItem");
        }
    }
}
