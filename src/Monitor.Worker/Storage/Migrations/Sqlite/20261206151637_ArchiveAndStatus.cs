using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ArchiveAndStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArchiveTerms",
                columns: table => new
                {
                    AnnouncementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SortAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_State_Id",
                table: "DigestDeliveries",
                columns: new[] { "State", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ArchiveTerms_Term_SortAt_AnnouncementId",
                table: "ArchiveTerms",
                columns: new[] { "Term", "SortAt", "AnnouncementId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArchiveTerms");

            migrationBuilder.DropIndex(
                name: "IX_DigestDeliveries_State_Id",
                table: "DigestDeliveries");
        }
    }
}
