using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Archive;
using Monitor.Worker.Classification;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Archive;

/// <summary>The archive's queries on a real SQLite file: the same stories as a brute-force reading of everything
/// stored, a bounded number of commands per page, index seeks only, and older databases indexed at start.</summary>
public sealed class ArchiveIndexTests
{
    [Fact]
    public async Task PagesEqualABruteForceReadingAndOnlySeekIndexes()
    {
        using var env = new TestEnvironment();
        var connection = $"Data Source={env.DatabasePath}";
        var plans = new QueryPlans();
        var counter = new QueryCounter();
        var contexts = new MonitorDbContextFactory(DatabaseProvider.Sqlite, connection, plans, counter);
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        await ArchiveBenchmark.SeedAsync(contexts, 3000, now, CancellationToken.None);
        List<ArchiveReport> all;
        await using (var db = contexts.CreateDbContext())
        {
            all = await db.Announcements.AsNoTracking().Select(a => new ArchiveReport(a.Id, a.StoryId, a.SourceId, a.Title, a.TitleGloss, a.Summary, a.CanonicalUrl,
                a.PublishedAt, a.FetchedAt, a.Language, a.Topics, a.Countries, a.Models, a.Relevant, a.Score, a.Reasons)).ToListAsync();
        }

        plans.Clear();
        var query = new ArchiveQuery(contexts, new SourceCatalog([], new AnnouncementClassifier(new Taxonomy())));
        var filters = new[]
        {
            new ArchiveFilter(),
            new ArchiveFilter(Topic: "regulation"),
            new ArchiveFilter(Country: "NZ"),
            new ArchiveFilter(Language: "ja", Topic: "model"),
            new ArchiveFilter(Text: "national w7"),
            new ArchiveFilter(From: DateOnly.FromDateTime(now.AddDays(-200)), To: DateOnly.FromDateTime(now.AddDays(-100)), Country: "JP"),
        };
        foreach (var filter in filters)
        {
            // Brute force: each story once, at its newest matching report, newest first.
            var expected = all.Where(r => filter.Matches(r.Terms, r.SortAt))
                .GroupBy(r => r.StoryId ?? -r.Id)
                .Select(g => g.OrderByDescending(r => r.SortAt).ThenByDescending(r => r.Id).First())
                .OrderByDescending(r => r.SortAt).ThenByDescending(r => r.Id)
                .Select(r => r.Id).ToList();
            var seen = new List<long>();
            ArchiveCursor? cursor = null;
            var pages = 0;
            do
            {
                counter.Reset();
                var page = await query.ListAsync(filter, cursor, 25, CancellationToken.None);
                Assert.InRange(counter.Commands, 0, filter.Terms.Count + (3 * 8));
                seen.AddRange(page.Stories.Select(s => s.Placed.Id));
                cursor = page.Next;
                pages++;
            }
            while (cursor is not null && pages < 500);

            Assert.Equal(expected, seen);
        }

        var unindexed = await plans.UnindexedAsync(connection, CancellationToken.None);
        Assert.True(unindexed.Count == 0, string.Join("\n\n", unindexed));
    }

    [Fact]
    public async Task AnnouncementsStoredBeforeTheArchiveAreIndexedAtStart()
    {
        using var env = new TestEnvironment();
        var contexts = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={env.DatabasePath}");
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync();
        }

        await ArchiveBenchmark.SeedAsync(contexts, 1200, DateTime.UtcNow, CancellationToken.None);
        int relevant, missing;
        await using (var db = contexts.CreateDbContext())
        {
            relevant = await db.Announcements.CountAsync(a => a.Relevant);
            missing = await db.Announcements.CountAsync(a => a.Relevant && a.Id % 3 != 0);
            await db.ArchiveTerms.Where(t => t.AnnouncementId % 3 != 0).ExecuteDeleteAsync();
        }

        Assert.Equal(missing, await ArchiveBackfill.RunAsync(contexts, CancellationToken.None));
        await using (var db = contexts.CreateDbContext())
        {
            Assert.Equal(relevant, await db.ArchiveTerms.CountAsync(t => t.Term == ArchiveTerms.All));
        }

        Assert.Equal(0, await ArchiveBackfill.RunAsync(contexts, CancellationToken.None));
    }
}
