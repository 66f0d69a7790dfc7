using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CrawlingAtScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Anchors",
                table: "Announcements",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Band0",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Band1",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Band2",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Band3",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FeedHash",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Publisher",
                table: "Announcements",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "News");

            migrationBuilder.AddColumn<long>(
                name: "TitleKey0",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TitleKey1",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TitleKey2",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TitleKey3",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Announcements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RobotsEntries",
                columns: table => new
                {
                    Site = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    FetchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RobotsEntries", x => x.Site);
                });

            migrationBuilder.CreateTable(
                name: "StoryKeys",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    FetchedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_StoryKeys_AnnouncementId",
                table: "StoryKeys",
                column: "AnnouncementId");

            // Stories by index: the SimHash bands of stored announcements (idempotent; titles and anchors get their keys when stored).
            migrationBuilder.Sql("UPDATE \"Announcements\" SET \"Band0\" = \"SimHash\" & 65535, \"Band1\" = (\"SimHash\" >> 16) & 65535, \"Band2\" = (\"SimHash\" >> 32) & 65535, \"Band3\" = (\"SimHash\" >> 48) & 65535 WHERE \"SimHash\" <> 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RobotsEntries");

            migrationBuilder.DropTable(
                name: "StoryKeys");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Band0_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Band1_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Band2_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Band3_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_TitleKey0_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_TitleKey1_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_TitleKey2_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_TitleKey3_FetchedAt",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Anchors",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Band0",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Band1",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Band2",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Band3",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "FeedHash",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Publisher",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "TitleKey0",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "TitleKey1",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "TitleKey2",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "TitleKey3",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Announcements");
        }
    }
}
