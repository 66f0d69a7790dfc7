using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DigestDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriberKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceStates",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    LastModified = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastOutcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ItemsStored = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStates", x => x.SourceId);
                });

            migrationBuilder.CreateTable(
                name: "Stories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UrlHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CanonicalUrl = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SourceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemKeyHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FetchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    SimHash = table.Column<long>(type: "INTEGER", nullable: false),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Models = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Relevant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StoryId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_Stories_StoryId",
                        column: x => x.StoryId,
                        principalTable: "Stories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DigestDeliveryItems",
                columns: table => new
                {
                    DeliveryId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    SubscriberKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestDeliveryItems", x => new { x.DeliveryId, x.AnnouncementId });
                    table.ForeignKey(
                        name: "FK_DigestDeliveryItems_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DigestDeliveryItems_DigestDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "DigestDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_FetchedAt",
                table: "Announcements",
                column: "FetchedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_SourceId_ItemKeyHash",
                table: "Announcements",
                columns: new[] { "SourceId", "ItemKeyHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_StoryId",
                table: "Announcements",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_UrlHash",
                table: "Announcements",
                column: "UrlHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_SubscriberKey_PeriodKey",
                table: "DigestDeliveries",
                columns: new[] { "SubscriberKey", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_AnnouncementId",
                table: "DigestDeliveryItems",
                column: "AnnouncementId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_SubscriberKey_AnnouncementId",
                table: "DigestDeliveryItems",
                columns: new[] { "SubscriberKey", "AnnouncementId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DigestDeliveryItems");

            migrationBuilder.DropTable(
                name: "SourceStates");

            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "DigestDeliveries");

            migrationBuilder.DropTable(
                name: "Stories");
        }
    }
}
