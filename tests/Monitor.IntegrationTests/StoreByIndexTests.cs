using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

/// <summary>Story candidates and known keys come from indexes, never a scan; batches store in one transaction.</summary>
public abstract class StoreByIndexTests(DatabaseProvider provider) : MigratedStore(provider)
{
    [SkippableFact]
    public async Task TheDatabaseSearchesTheIndexesForCandidatesAndKnownKeys()
    {
        Skip.If(Provider == DatabaseProvider.SqlServer, "SQL Server's queries are checked by translation (SqlServerTranslationTests)");
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        await store.StoreAsync(Enumerable.Range(0, 300).Select(i => Item($"src{i % 7}", $"Report {i} on item {i * 31} from agency {i % 13}", $"https://example.org/{i}", $"body {i} with GPU count {i * 1000 + 123} and KAIST{i}")).ToList(), [], () => [], CancellationToken.None);
        var plans = new PlanCapture(Provider);
        await using var db = Env.Factory(plans).CreateDbContext();
        var batch = new[] { Item("new", "Report 7 on item 217 from agency 7 again", "https://example.org/new", "body 7 with GPU count 7123 and KAIST7") };
        StoryCandidateQuery.Index(batch[0]);

        var candidates = await StoryCandidateQuery.For(db, batch, DateTime.UtcNow.AddDays(-14)).ToListAsync();
        await AnnouncementStore.KnownQuery(db, ["abc"], ["src1"], ["def"]).ToListAsync();

        Assert.Contains(candidates, c => c.Title.StartsWith("Report 7 ", StringComparison.Ordinal));
        Assert.Equal(2, plans.Plans.Count);
        foreach (var plan in plans.Plans)
        {
            if (Provider == DatabaseProvider.Sqlite)
            {
                Assert.DoesNotContain(plan, line => line.Contains("SCAN Announcements", StringComparison.Ordinal) || line.Contains("SCAN StoryKeys", StringComparison.Ordinal));
                Assert.Contains(plan, line => line.Contains("SEARCH", StringComparison.Ordinal) && line.Contains("USING", StringComparison.Ordinal));
            }
            else
            {
                // With sequential scans priced out, a plan still scanning a table would have no index to use.
                Assert.DoesNotContain(plan, line => line.Contains("Seq Scan on \"Announcements\"", StringComparison.Ordinal) || line.Contains("Seq Scan on \"StoryKeys\"", StringComparison.Ordinal));
                Assert.Contains(plan, line => line.Contains("Index", StringComparison.Ordinal));
            }
        }
    }

    [SkippableFact]
    public async Task AStoreFilledFromNothingKeepsThePlannersStatisticsUp()
    {
        // A first crawl fills the tables faster than autovacuum analyses them (at most once a minute). Planned from an
        // empty table's statistics, PostgreSQL found each batch's title-key candidates through the fetch-date index,
        // filtering every announcement of the window: in the replicas benchmark about half of the server's time for the store, under its lock,
        // growing with the store. The store analyses the tables each time they have doubled (README, Replicas).
        Skip.If(Provider != DatabaseProvider.PostgreSql, "statistics are refreshed on PostgreSQL only: SQLite's planner finds the candidates by their indexes without them (the test above), and SQL Server updates its statistics before it plans");
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        for (var first = 0; first < 2500; first += 500)
        {
            await store.StoreAsync(Enumerable.Range(first, 500).Select(i => Item($"src{i % 40}", $"Report {i} of agency {i * 13}", $"https://example.org/fill/{i}", $"Programme {i} buys {i * 11} servers.")).ToList(), [], () => [], CancellationToken.None);
        }

        await using var db = Factory.CreateDbContext();
        var estimates = await db.Database.SqlQueryRaw<Estimate>(
            "SELECT relname AS \"Table\", reltuples::bigint AS \"Rows\" FROM pg_class WHERE relname IN ('Announcements', 'ArchiveTerms', 'StoryKeys', 'Stories') AND relkind = 'r'").ToListAsync();

        // Analysed at 1,000 and at 2,000 stored: the planner knows the table holds thousands, not nothing.
        Assert.Equal(4, estimates.Count);
        Assert.InRange(estimates.Single(e => e.Table == "Announcements").Rows, 2000, 2500);
        Assert.InRange(estimates.Single(e => e.Table == "Stories").Rows, 1000, 2500);
    }

    private sealed record Estimate(string Table, long Rows);

    [SkippableFact]
    public async Task ABatchSkipsKnownUrlsJoinsStoriesAndMergesTheStoriesAReportConnects()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var ministry = Item("ministry", "Cabinet approves Rs 10,372 crore IndiaAI Mission", "https://gov.example/1", "The IndiaAI Mission with 10,372 crore and over 10,000 GPUs, said Piyush Goyal of MeitY.");
        var wire = Item("wire", "Government clears AI programme worth billions", "https://wire.example/2", "A programme of 10372 crore for IndiaAI and 10,000 GPUs, Goyal told reporters; MeitY runs it.");
        var other = Item("daily", "Storm warning for the southern coast this weekend", "https://daily.example/3", "Heavy rain is expected across the region.");
        Assert.Equal(3, await store.StoreAsync([ministry, wire, other], [], () => [], CancellationToken.None));
        Assert.Equal(ministry.StoryId, wire.StoryId);
        Assert.NotEqual(ministry.StoryId, other.StoryId);

        // A story split in two (as two replicas can leave it), then a report that matches both: one story again.
        var split = Item("paper", "Rs 10,372 crore IndiaAI Mission approved by the Union Cabinet", "https://paper.example/4", "IndiaAI gets 10,372 crore; GPUs number 10,000; MeitY and Goyal.");
        await using (var db = Factory.CreateDbContext())
        {
            var story = new Story { Title = split.Title, CreatedAt = DateTime.UtcNow };
            db.Stories.Add(story);
            await db.SaveChangesAsync();
            split.StoryId = story.Id;
            db.Announcements.Add(split);
            await db.SaveChangesAsync();
        }

        var duplicate = Item("ministry", "Cabinet approves Rs 10,372 crore IndiaAI Mission", "https://gov.example/1", "same URL again");
        var joining = Item("agency", "Union Cabinet clears the IndiaAI Mission: Rs 10,372 crore", "https://agency.example/5", "The 10,372 crore IndiaAI plan buys 10,000 GPUs, MeitY said; Goyal briefed.");
        Assert.Equal(1, await store.StoreAsync([duplicate, joining], [], () => [], CancellationToken.None));

        await using var check = Factory.CreateDbContext();
        var stories = await check.Announcements.Where(a => a.SourceId != "daily").Select(a => a.StoryId).Distinct().ToListAsync();
        Assert.Equal(ministry.StoryId, Assert.Single(stories));
        Assert.Equal(1, await check.Announcements.CountAsync(a => a.CanonicalUrl == "https://gov.example/1"));
    }

    [SkippableFact]
    public async Task StoredAnnouncementsAreListedInTheArchiveAsEfWouldListThem()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Enumerable.Range(0, 700).Select(i =>
        {
            var item = Item($"src{i % 5}", $"Ministry funds sovereign language model {i} for Korean and Japanese", $"https://example.org/archive/{i}", $"The national AI programme {i} buys GPUs.");
            (item.Relevant, item.Topics, item.Countries, item.Language, item.Summary) = (i % 4 != 0, "model investment", i % 2 == 0 ? "KR" : "JP", "en", $"Summary {i}");
            return item;
        }).ToList();

        // Half are prepared ahead, as the crawl's build stage does (story keys and index rows off the writer's transaction).
        foreach (var item in items.Where((_, i) => i % 2 == 1))
        {
            AnnouncementStore.Prepare(item);
        }

        Assert.Equal(700, await store.StoreAsync(items, [], () => [], CancellationToken.None));
        Assert.All(items, a => Assert.True(a.Band0 is not null && a.TitleKey0 is not null, "story keys indexed"));

        // The store writes the index rows itself on server databases (multi-row statements past 500 rows) and row by row
        // on SQLite; either way they are the rows the archive's own index function gives, and only for relevant items.
        var expected = items.SelectMany(a => Monitor.Worker.Archive.ArchiveIndex.Rows(a).Select(t => (a.Id, t.Term, t.SortAt)))
            .ToDictionary(t => (t.Id, t.Term), t => t.SortAt);
        await using var db = Factory.CreateDbContext();
        var stored = await db.ArchiveTerms.AsNoTracking().Select(t => new { t.AnnouncementId, t.Term, t.SortAt }).ToListAsync();
        Assert.True(expected.Count > 700, $"{expected.Count} index rows for 525 relevant items");
        Assert.Equal(expected.Keys.Order(), stored.Select(t => (t.AnnouncementId, t.Term)).Order());

        // Server columns keep microseconds: the times agree to within one.
        Assert.All(stored, t => Assert.True(Math.Abs((t.SortAt - expected[(t.AnnouncementId, t.Term)]).TotalMilliseconds) < 0.001 && t.SortAt.Kind == DateTimeKind.Utc, $"{t.SortAt:O}"));
        var relevant = items.Where(a => a.Relevant).Select(a => a.Id).ToHashSet();
        Assert.All(stored, t => Assert.Contains(t.AnnouncementId, relevant));
    }

    internal static Announcement Item(string source, string title, string url, string text) => new()
    {
        UrlHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(url),
        CanonicalUrl = url,
        SourceId = source,
        ItemKeyHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(source + url),
        Title = title,
        Text = text,
        FetchedAt = DateTime.UtcNow,
        PublishedAt = DateTime.UtcNow,
        SimHash = SimHash.Compute(text),
    };

    // Runs EXPLAIN (SQLite: EXPLAIN QUERY PLAN) for every SELECT the context sends, with the same parameters.
    private sealed class PlanCapture(DatabaseProvider provider) : DbCommandInterceptor
    {
        public List<List<string>> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (provider == DatabaseProvider.PostgreSql)
            {
                await using var off = command.Connection!.CreateCommand();
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var explain = command.Connection!.CreateCommand();
            explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
            foreach (DbParameter parameter in command.Parameters)
            {
                var copy = explain.CreateParameter();
                copy.ParameterName = parameter.ParameterName;
                copy.Value = parameter.Value;
                explain.Parameters.Add(copy);
            }

            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    plan.Add(reader.GetString(provider == DatabaseProvider.Sqlite ? 3 : 0));
                }
            }

            Plans.Add(plan);
            return result;
        }
    }
}

/// <summary><see cref="StoreByIndexTests"/> on SQLite.</summary>
public sealed class StoreByIndexTestsOnSqlite() : StoreByIndexTests(DatabaseProvider.Sqlite);

/// <summary><see cref="StoreByIndexTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class StoreByIndexTestsOnPostgreSql() : StoreByIndexTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="StoreByIndexTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class StoreByIndexTestsOnSqlServer() : StoreByIndexTests(DatabaseProvider.SqlServer);

/// <summary>SQL Server cannot run here: its store queries are checked by translation, without a server.</summary>
public sealed class SqlServerTranslationTests
{
    [Fact]
    public void SqlServerQueriesTranslateToIndexedInLists()
    {
        // SQL Server cannot run here: the translation is checked without a server.
        using var db = new MonitorDbContextFactory(DatabaseProvider.SqlServer, "Server=unused;Database=unused").CreateDbContext();
        var batch = new[] { StoreByIndexTests.Item("new", "Cabinet approves Rs 10,372 crore IndiaAI Mission today", "https://example.org/new", "The IndiaAI Mission costs 10372 crore, PIF said.") };
        StoryCandidateQuery.Index(batch[0]);

        var candidates = StoryCandidateQuery.For(db, batch, DateTime.UtcNow.AddDays(-14)).ToQueryString();
        var known = AnnouncementStore.KnownQuery(db, ["abc"], ["src1"], ["def"]).ToQueryString();

        foreach (var column in new[] { "[Band0]", "[Band3]", "[TitleKey0]", "[TitleKey3]", "[s].[Key]" })
        {
            Assert.Contains(column, candidates, StringComparison.Ordinal);
        }

        Assert.Contains("UNION ALL", candidates, StringComparison.Ordinal);
        Assert.Contains("OPENJSON", candidates, StringComparison.Ordinal);
        Assert.Contains("[UrlHash] IN (", known, StringComparison.Ordinal);
        Assert.Contains("[ItemKeyHash] IN (", known, StringComparison.Ordinal);
        Assert.Contains("OPENJSON", known, StringComparison.Ordinal);
    }
}
