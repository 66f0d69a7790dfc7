using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Monitor.Worker.Storage.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only, by hand (EF Core cannot declare it): the archive's index rows and the story keys become <c>WITHOUT
    /// ROWID</c> tables, stored in their primary key's order, so each row is one B-tree entry fewer (the table was a
    /// rowid B-tree plus the key's own index). Dozens of archive rows (about 37 in the crawl benchmark) are written for
    /// every relevant announcement a crawl stores, under the database's one write lock. Same columns, keys, foreign
    /// keys and indexes; the model does not change. Rows copied in key order; rows of announcements no longer stored
    /// (possible only if foreign keys were off when they were deleted, e.g. in the sqlite3 shell) are left behind
    /// rather than failing the copy. The rebuild runs once, at the first start of this version, in the migration's
    /// transaction (it needs room for a second copy of both tables while it runs). <c>MigrationTests</c> checks the
    /// tables stay this way, since a later EF migration that rebuilds either table would drop the clause.
    /// </summary>
    public partial class ClusteredIndexTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, withoutRowid: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Rebuild(migrationBuilder, withoutRowid: false);
        }

        private static void Rebuild(MigrationBuilder migrationBuilder, bool withoutRowid)
        {
            var clause = withoutRowid ? " WITHOUT ROWID" : "";
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_ArchiveTerms" (
                    "AnnouncementId" INTEGER NOT NULL,
                    "Term" TEXT NOT NULL,
                    "SortAt" TEXT NOT NULL,
                    CONSTRAINT "PK_ArchiveTerms" PRIMARY KEY ("AnnouncementId", "Term"),
                    CONSTRAINT "FK_ArchiveTerms_Announcements_AnnouncementId" FOREIGN KEY ("AnnouncementId") REFERENCES "Announcements" ("Id") ON DELETE CASCADE
                ){clause};
                INSERT INTO "ef_temp_ArchiveTerms" ("AnnouncementId", "Term", "SortAt") SELECT "AnnouncementId", "Term", "SortAt" FROM "ArchiveTerms"
                    WHERE "AnnouncementId" IN (SELECT "Id" FROM "Announcements") ORDER BY "AnnouncementId", "Term";
                DROP TABLE "ArchiveTerms";
                ALTER TABLE "ef_temp_ArchiveTerms" RENAME TO "ArchiveTerms";
                CREATE INDEX "IX_ArchiveTerms_Term_SortAt_AnnouncementId" ON "ArchiveTerms" ("Term", "SortAt", "AnnouncementId");
                CREATE TABLE "ef_temp_StoryKeys" (
                    "Key" INTEGER NOT NULL,
                    "FetchedAt" TEXT NOT NULL,
                    "AnnouncementId" INTEGER NOT NULL,
                    CONSTRAINT "PK_StoryKeys" PRIMARY KEY ("Key", "FetchedAt", "AnnouncementId"),
                    CONSTRAINT "FK_StoryKeys_Announcements_AnnouncementId" FOREIGN KEY ("AnnouncementId") REFERENCES "Announcements" ("Id") ON DELETE CASCADE
                ){clause};
                INSERT INTO "ef_temp_StoryKeys" ("Key", "FetchedAt", "AnnouncementId") SELECT "Key", "FetchedAt", "AnnouncementId" FROM "StoryKeys"
                    WHERE "AnnouncementId" IN (SELECT "Id" FROM "Announcements") ORDER BY "Key", "FetchedAt", "AnnouncementId";
                DROP TABLE "StoryKeys";
                ALTER TABLE "ef_temp_StoryKeys" RENAME TO "StoryKeys";
                CREATE INDEX "IX_StoryKeys_AnnouncementId" ON "StoryKeys" ("AnnouncementId");
                """);
        }
    }
}
