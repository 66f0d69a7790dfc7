using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaintenanceMarkers",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaintenanceMarkers", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "RobotsEntries",
                columns: table => new
                {
                    Site = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: true),
                    FetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RobotsEntries", x => x.Site);
                });

            migrationBuilder.CreateTable(
                name: "SourceAlerts",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Failures = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceAlerts", x => x.SourceId);
                });

            migrationBuilder.CreateTable(
                name: "SourceStates",
                columns: table => new
                {
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ETag = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    LastModified = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastOutcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ItemsStored = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceStates", x => x.SourceId);
                });

            migrationBuilder.CreateTable(
                name: "Stories",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscribers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    EmailKey = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    Topics = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    Countries = table.Column<string>(type: "character varying(1000)", unicode: false, maxLength: 1000, nullable: false),
                    Languages = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false),
                    MinScore = table.Column<double>(type: "double precision", nullable: true),
                    Frequency = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    SendHour = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", unicode: false, maxLength: 16, nullable: false),
                    ManagedByConfiguration = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnsubscribedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LinkSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TokenStamp = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    ConsecutiveBounces = table.Column<int>(type: "integer", nullable: false),
                    LastBounceAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastBounceError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscribers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UrlHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    CanonicalUrl = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemKeyHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TitleGloss = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: true),
                    SimHash = table.Column<long>(type: "bigint", nullable: false),
                    Band0 = table.Column<int>(type: "integer", nullable: true),
                    Band1 = table.Column<int>(type: "integer", nullable: true),
                    Band2 = table.Column<int>(type: "integer", nullable: true),
                    Band3 = table.Column<int>(type: "integer", nullable: true),
                    TitleKey0 = table.Column<long>(type: "bigint", nullable: true),
                    TitleKey1 = table.Column<long>(type: "bigint", nullable: true),
                    TitleKey2 = table.Column<long>(type: "bigint", nullable: true),
                    TitleKey3 = table.Column<long>(type: "bigint", nullable: true),
                    Anchors = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FeedHash = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Topics = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Countries = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Models = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Relevant = table.Column<bool>(type: "boolean", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StoryId = table.Column<long>(type: "bigint", nullable: true)
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
                name: "DigestDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubscriberId = table.Column<long>(type: "bigint", nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(32)", unicode: false, maxLength: 32, nullable: false),
                    State = table.Column<int>(type: "integer", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MessageId = table.Column<string>(type: "character varying(200)", unicode: false, maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DigestDeliveries_Subscribers_SubscriberId",
                        column: x => x.SubscriberId,
                        principalTable: "Subscribers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ArchiveTerms",
                columns: table => new
                {
                    AnnouncementId = table.Column<long>(type: "bigint", nullable: false),
                    Term = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SortAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArchiveTerms", x => new { x.AnnouncementId, x.Term });
                    table.ForeignKey(
                        name: "FK_ArchiveTerms_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StoryKeys",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false),
                    FetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnnouncementId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryKeys", x => new { x.Key, x.FetchedAt, x.AnnouncementId });
                    table.ForeignKey(
                        name: "FK_StoryKeys_Announcements_AnnouncementId",
                        column: x => x.AnnouncementId,
                        principalTable: "Announcements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DigestDeliveryItems",
                columns: table => new
                {
                    DeliveryId = table.Column<long>(type: "bigint", nullable: false),
                    AnnouncementId = table.Column<long>(type: "bigint", nullable: false),
                    SubscriberId = table.Column<long>(type: "bigint", nullable: false)
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
                name: "IX_Announcements_Band0_FetchedAt",
                table: "Announcements",
                columns: new[] { "Band0", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Band1_FetchedAt",
                table: "Announcements",
                columns: new[] { "Band1", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Band2_FetchedAt",
                table: "Announcements",
                columns: new[] { "Band2", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Band3_FetchedAt",
                table: "Announcements",
                columns: new[] { "Band3", "FetchedAt" });

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
                name: "IX_Announcements_TitleKey0_FetchedAt",
                table: "Announcements",
                columns: new[] { "TitleKey0", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_TitleKey1_FetchedAt",
                table: "Announcements",
                columns: new[] { "TitleKey1", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_TitleKey2_FetchedAt",
                table: "Announcements",
                columns: new[] { "TitleKey2", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_TitleKey3_FetchedAt",
                table: "Announcements",
                columns: new[] { "TitleKey3", "FetchedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_UrlHash",
                table: "Announcements",
                column: "UrlHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveTerms_Term_SortAt_AnnouncementId",
                table: "ArchiveTerms",
                columns: new[] { "Term", "SortAt", "AnnouncementId" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_State_Id",
                table: "DigestDeliveries",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_SubscriberId_PeriodKey",
                table: "DigestDeliveries",
                columns: new[] { "SubscriberId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_AnnouncementId",
                table: "DigestDeliveryItems",
                column: "AnnouncementId");

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_SubscriberId_AnnouncementId",
                table: "DigestDeliveryItems",
                columns: new[] { "SubscriberId", "AnnouncementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StoryKeys_AnnouncementId",
                table: "StoryKeys",
                column: "AnnouncementId");

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_EmailKey",
                table: "Subscribers",
                column: "EmailKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_Status_Id",
                table: "Subscribers",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveTerms");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DigestDeliveryItems");

            migrationBuilder.DropTable(
                name: "MaintenanceMarkers");

            migrationBuilder.DropTable(
                name: "RobotsEntries");

            migrationBuilder.DropTable(
                name: "SourceAlerts");

            migrationBuilder.DropTable(
                name: "SourceStates");

            migrationBuilder.DropTable(
                name: "StoryKeys");

            migrationBuilder.DropTable(
                name: "DigestDeliveries");

            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "Subscribers");

            migrationBuilder.DropTable(
                name: "Stories");
        }
    }
}
