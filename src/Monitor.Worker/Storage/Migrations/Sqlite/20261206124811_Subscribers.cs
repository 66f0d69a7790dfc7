using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Subscribers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SubscriberId",
                table: "DigestDeliveryItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SubscriberId",
                table: "DigestDeliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "TitleGloss",
                table: "Announcements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subscribers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    EmailKey = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", unicode: false, maxLength: 1000, nullable: false),
                    Languages = table.Column<string>(type: "TEXT", unicode: false, maxLength: 200, nullable: false),
                    MinScore = table.Column<double>(type: "REAL", nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    SendHour = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ManagedByConfiguration = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LinkSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TokenStamp = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    ConsecutiveBounces = table.Column<int>(type: "INTEGER", nullable: false),
                    LastBounceAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastBounceError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subscribers", x => x.Id);
                });

            // Data: ledger addresses become subscribers; rows are re-keyed on the subscriber id.
            LedgerSubscriberMigration.Up(migrationBuilder, sqlServer: false);

            migrationBuilder.DropIndex(
                name: "IX_DigestDeliveryItems_SubscriberKey_AnnouncementId",
                table: "DigestDeliveryItems");

            migrationBuilder.DropIndex(
                name: "IX_DigestDeliveries_SubscriberKey_PeriodKey",
                table: "DigestDeliveries");

            migrationBuilder.DropColumn(
                name: "SubscriberKey",
                table: "DigestDeliveryItems");

            migrationBuilder.DropColumn(
                name: "SubscriberKey",
                table: "DigestDeliveries");

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_SubscriberId_AnnouncementId",
                table: "DigestDeliveryItems",
                columns: new[] { "SubscriberId", "AnnouncementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_SubscriberId_PeriodKey",
                table: "DigestDeliveries",
                columns: new[] { "SubscriberId", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_EmailKey",
                table: "Subscribers",
                column: "EmailKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Subscribers_Status_Id",
                table: "Subscribers",
                columns: new[] { "Status", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_DigestDeliveries_Subscribers_SubscriberId",
                table: "DigestDeliveries",
                column: "SubscriberId",
                principalTable: "Subscribers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DigestDeliveries_Subscribers_SubscriberId",
                table: "DigestDeliveries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Subscribers");

            migrationBuilder.DropIndex(
                name: "IX_DigestDeliveryItems_SubscriberId_AnnouncementId",
                table: "DigestDeliveryItems");

            migrationBuilder.DropIndex(
                name: "IX_DigestDeliveries_SubscriberId_PeriodKey",
                table: "DigestDeliveries");

            migrationBuilder.DropColumn(
                name: "SubscriberId",
                table: "DigestDeliveryItems");

            migrationBuilder.DropColumn(
                name: "SubscriberId",
                table: "DigestDeliveries");

            migrationBuilder.DropColumn(
                name: "TitleGloss",
                table: "Announcements");

            migrationBuilder.AddColumn<string>(
                name: "SubscriberKey",
                table: "DigestDeliveryItems",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubscriberKey",
                table: "DigestDeliveries",
                type: "TEXT",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveryItems_SubscriberKey_AnnouncementId",
                table: "DigestDeliveryItems",
                columns: new[] { "SubscriberKey", "AnnouncementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DigestDeliveries_SubscriberKey_PeriodKey",
                table: "DigestDeliveries",
                columns: new[] { "SubscriberKey", "PeriodKey" },
                unique: true);
        }
    }
}
