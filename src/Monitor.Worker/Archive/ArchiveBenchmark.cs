using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Classification;
using Monitor.Worker.Cli;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Archive;

/// <summary>
/// <c>bench archive</c>: a fresh SQLite file with N relevant announcements (stories of one to three reports, eight
/// topics, 40 countries, ten languages, words common and rare, two years of dates), then the archive's requests: the
/// newest page, a deep page, each filter alone and combined, common and rare words, a date range; each run 30 times.
/// Reports the median and slowest time, the database commands per request and any statement that scans a table or
/// sorts instead of seeking an index.
/// </summary>
public static class ArchiveBenchmark
{
    private static readonly string[] Languages = ["en", "fr", "de", "es", "ja", "ko", "zh", "ar", "pt", "it"];

    private static readonly string[] Common = ["national", "artificial", "intelligence", "model", "strategy", "government", "ministry", "announces", "policy", "data"];

    /// <summary>Runs the benchmark with <paramref name="announcements"/> announcements and page size <paramref name="pageSize"/>.</summary>
    public static async Task<int> RunAsync(int announcements, int pageSize, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "monitor-bench-archive-" + Guid.NewGuid().ToString("n")[..8]);
        Directory.CreateDirectory(root);
        var connection = $"Data Source={Path.Combine(root, "archive.db")}";
        var plans = new QueryPlans();
        var counter = new QueryCounter();
        var contexts = new MonitorDbContextFactory(DatabaseProvider.Sqlite, connection, plans, counter);
        try
        {
            await using (var db = contexts.CreateDbContext())
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            var seed = Stopwatch.StartNew();
            var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
            await SeedAsync(contexts, announcements, now, cancellationToken);
            long terms;
            await using (var db = contexts.CreateDbContext())
            {
                terms = await db.ArchiveTerms.LongCountAsync(cancellationToken);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seeded {announcements:N0} announcements ({terms:N0} archive index rows) in {seed.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(Path.Combine(root, "archive.db")).Length / 1024.0 / 1024.0:0} MB"));

            var query = new ArchiveQuery(contexts, new SourceCatalog([], new AnnouncementClassifier(new Taxonomy())));
            plans.Clear();
            var deep = await CursorAtAsync(query, pageSize, 50, cancellationToken);
            var cases = new (string Name, ArchiveFilter Filter, ArchiveCursor? After)[]
            {
                ("newest page", new ArchiveFilter(), null),
                ("page 51 (cursor)", new ArchiveFilter(), deep),
                ("topic=regulation", new ArchiveFilter(Topic: "regulation"), null),
                ("country=NZ (rare)", new ArchiveFilter(Country: "NZ"), null),
                ("language=ja", new ArchiveFilter(Language: "ja"), null),
                ("q=intelligence (common)", new ArchiveFilter(Text: "intelligence"), null),
                ("q=rare word", new ArchiveFilter(Text: "w4242"), null),
                ("q=two words", new ArchiveFilter(Text: "national w17"), null),
                ("topic+country+language", new ArchiveFilter(Topic: "model", Country: "JP", Language: "ja"), null),
                ("common word + rare country", new ArchiveFilter(Country: "NZ", Text: "policy"), null),
                ("date range (a month)", new ArchiveFilter(From: DateOnly.FromDateTime(now.AddDays(-400)), To: DateOnly.FromDateTime(now.AddDays(-370))), null),
                ("nothing matches", new ArchiveFilter(Country: "NZ", Text: "w4242 w9999"), null),
            };
            var rows = new List<string[]>();
            foreach (var (name, filter, after) in cases)
            {
                var times = new List<double>();
                var stories = 0;
                counter.Reset();
                for (var run = 0; run < 30; run++)
                {
                    var clock = Stopwatch.StartNew();
                    var page = await query.ListAsync(filter, after, pageSize, cancellationToken);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    stories = page.Stories.Count;
                }

                times.Sort();
                rows.Add([name, stories.ToString(CultureInfo.InvariantCulture), times[times.Count / 2].ToString("0.0", CultureInfo.InvariantCulture),
                    times[^1].ToString("0.0", CultureInfo.InvariantCulture), (counter.Commands / 30.0).ToString("0.#", CultureInfo.InvariantCulture)]);
            }

            await output.WriteLineAsync(CrawlSummaryTable.Table(["request", "stories", "median ms", "slowest ms", "commands"], rows));
            var unindexed = await plans.UnindexedAsync(connection, cancellationToken);
            await output.WriteLineAsync(unindexed.Count == 0
                ? "query plans: every statement seeks an index (no table scan, no sort)"
                : "query plans: statements that scan or sort:\n  " + string.Join("\n  ", unindexed));
            return unindexed.Count == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<ArchiveCursor?> CursorAtAsync(ArchiveQuery query, int pageSize, int pages, CancellationToken cancellationToken)
    {
        ArchiveCursor? cursor = null;
        for (var i = 0; i < pages; i++)
        {
            cursor = (await query.ListAsync(new ArchiveFilter(), cursor, pageSize, cancellationToken)).Next;
        }

        return cursor;
    }

    /// <summary>Stores the announcements in transactions of 2,000, through EF (the archive index filled as the crawl fills it).</summary>
    internal static async Task SeedAsync(MonitorDbContextFactory contexts, int count, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(12);
        string[] countries = ["US", "CN", "JP", "KR", "DE", "FR", "GB", "IN", "BR", "CA", "AU", "IT", "ES", "NL", "SE", "CH", "SG", "AE", "SA", "IL",
            "TW", "ID", "MY", "TH", "VN", "PH", "MX", "AR", "CL", "CO", "ZA", "NG", "KE", "EG", "TR", "PL", "UA", "RU", "EU", "INT", "NZ"];
        var made = 0;
        while (made < count)
        {
            await using var db = contexts.CreateDbContext();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Math.Min(2000, count - made);
            var i = 0;
            while (i < batch)
            {
                var reports = Math.Min(batch - i, random.Next(10) switch { < 6 => 1, < 9 => 2, _ => 3 });
                var published = now.AddMinutes(-random.Next(2 * 365 * 24 * 60));
                // NZ is rare: about one announcement in 500.
                var country = random.Next(500) == 0 ? "NZ" : countries[random.Next(countries.Length - 1)];
                var topic = Topics.All[random.Next(Topics.All.Count)];
                var story = new Story { Title = "story", CreatedAt = published };
                for (var r = 0; r < reports; r++, i++)
                {
                    var n = made + i;
                    var words = string.Join(' ', Enumerable.Range(0, 6).Select(_ => Common[random.Next(Common.Length)]));
                    var title = $"{words} w{random.Next(10_000)} w{random.Next(100)}";
                    story.Announcements.Add(new Announcement
                    {
                        UrlHash = n.ToString("x64", CultureInfo.InvariantCulture),
                        CanonicalUrl = $"https://example.org/{n}",
                        SourceId = "source-" + (n % 50).ToString(CultureInfo.InvariantCulture),
                        ItemKeyHash = n.ToString("x64", CultureInfo.InvariantCulture),
                        Title = title,
                        Summary = $"{title}. {string.Join(' ', Enumerable.Range(0, 14).Select(_ => Common[random.Next(Common.Length)]))} w{random.Next(10_000)}.",
                        PublishedAt = published.AddMinutes(r * 90),
                        FetchedAt = published.AddMinutes((r * 90) + 20),
                        Language = Languages[random.Next(Languages.Length)],
                        Topics = random.Next(3) == 0 ? $"{topic} {Topics.All[random.Next(Topics.All.Count)]}" : topic,
                        Countries = country,
                        Relevant = random.Next(10) < 8,
                        Score = 0.7,
                        Reasons = "context \"AI\"",
                    });
                }

                db.Stories.Add(story);
            }

            await db.SaveChangesAsync(cancellationToken);
            made += batch;
        }
    }
}
