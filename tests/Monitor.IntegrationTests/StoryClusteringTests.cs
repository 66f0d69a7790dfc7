using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

/// <summary>Two replicas on one database: reports of one story stored at the same moment end in one story, because the
/// store's lookups and inserts run under one database-level lock (PostgreSQL advisory lock, SQL Server app lock, SQLite's
/// write lock).</summary>
public abstract class StoryClusteringTests(DatabaseProvider provider) : MigratedStore(provider)
{
    [SkippableFact]
    public async Task ReportsStoredByTwoReplicasAtOnceJoinOneStory()
    {
        var replicaA = new AnnouncementStore(Factory, TimeProvider.System);
        var replicaB = new AnnouncementStore(Factory, TimeProvider.System);
        var older = Item("wire", "Ministry approves national AI basic plan for sovereign models", "https://wire.example/1");
        Assert.True(await replicaA.AddAsync(older, CancellationToken.None));
        // Replica B starts storing its reports after A looked for a story and before A inserts: B must wait for A's
        // commit (without the lock neither would see the other and each would open a story).
        Task<bool>? replicaBStores = null;
        var waited = false;
        replicaA.AfterStoryLookup = async () =>
        {
            replicaA.AfterStoryLookup = null;
            replicaBStores = Task.Run(async () =>
                await replicaB.AddAsync(Item("agency", "Cabinet adopts first national AI basic plan", "https://agency.example/2"), CancellationToken.None)
                & await replicaB.AddAsync(Item("daily", "Cabinet adopts the first national AI basic plan", "https://daily.example/3"), CancellationToken.None));
            await Task.Delay(500);
            waited = !replicaBStores.IsCompleted;
        };

        Assert.True(await replicaA.AddAsync(Item("gazette", "Cabinet adopts first national AI basic plan today", "https://gazette.example/4"), CancellationToken.None));
        Assert.True(await replicaBStores!);
        Assert.True(waited, "replica B stored while replica A held the store lock");

        await using var db = Factory.CreateDbContext();
        var stories = await db.Announcements.OrderBy(a => a.Id).Select(a => new { a.SourceId, a.StoryId }).ToListAsync();
        var plan = stories.Where(s => s.SourceId != "wire").Select(s => s.StoryId).Distinct().ToList();
        var only = Assert.Single(plan);
        Assert.NotNull(only);
        // The unrelated earlier story is neither merged in nor taken over.
        Assert.NotEqual(stories.Single(s => s.SourceId == "wire").StoryId, only);
    }

    [SkippableFact]
    public async Task AReportOfAStoryAnotherReplicaJustMergedJoinsTheMergedStory()
    {
        var replicaA = new AnnouncementStore(Factory, TimeProvider.System);
        var replicaB = new AnnouncementStore(Factory, TimeProvider.System);
        // Two stories that another replica is about to merge (it matched them through a report not shown here)...
        var first = Item("agency", "Lawmakers back statute on machine learning oversight", "https://agency.example/1");
        var second = Item("daily", "Parliament passes national artificial intelligence act", "https://daily.example/2");
        Assert.True(await replicaB.AddAsync(first, CancellationToken.None));
        await using (var db = Factory.CreateDbContext())
        {
            var split = new Story { Title = second.Title, CreatedAt = DateTime.UtcNow };
            db.Stories.Add(split);
            await db.SaveChangesAsync();
            second.StoryId = split.Id;
            db.Announcements.Add(second);
            await db.SaveChangesAsync();
        }

        // ...and while replica A files a third report under the newer one, replica B merges them into the older one
        // (by story, under the store lock, as the store does): B waits for A, then moves A's report along.
        Task? replicaBMerges = null;
        replicaA.AfterStoryLookup = () =>
        {
            replicaA.AfterStoryLookup = null;
            replicaBMerges = Task.Run(async () =>
            {
                await using var db = Factory.CreateDbContext();
                await using var transaction = await db.Database.BeginTransactionAsync();
                await StoreLock.AcquireAsync(db, CancellationToken.None);
                var older = (await db.Announcements.SingleAsync(a => a.SourceId == "agency")).StoryId;
                var newer = (await db.Announcements.SingleAsync(a => a.SourceId == "daily")).StoryId;
                await db.Announcements.Where(a => a.StoryId == newer).ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, older));
                await transaction.CommitAsync();
            });
            return Task.CompletedTask;
        };
        Assert.True(await replicaA.AddAsync(Item("gazette", "Parliament passes national artificial intelligence act today", "https://gazette.example/3"), CancellationToken.None));
        await replicaBMerges!;

        await using var check = Factory.CreateDbContext();
        Assert.Single(await check.Announcements.Select(a => a.StoryId).Distinct().ToListAsync());
    }

    [SkippableFact]
    public async Task ConcurrentWritersStoreEachItemOnceAndKeepEachStoryWhole()
    {
        // Six writers (six stores, each with its own connections, as six replicas would have) store at the same time,
        // batch after batch: each files its own report of 30 stories and tries the same shared item of each story too.
        const int writers = 6, storyCount = 30, batches = 5;
        var stores = Enumerable.Range(0, writers).Select(_ => new AnnouncementStore(Env.Factory(), TimeProvider.System)).ToList();
        var start = new TaskCompletionSource();
        var runs = stores.Select((store, w) => Task.Run(async () =>
        {
            await start.Task;
            var stored = 0;
            foreach (var chunk in Enumerable.Range(0, storyCount).Chunk(storyCount / batches))
            {
                var batch = chunk.SelectMany(g => new[]
                {
                    Story(g, $"writer{w}", $"https://writer{w}.example/{g}"),
                    Story(g, "shared", $"https://shared.example/{g}"),
                }).ToList();

                // Odd writers prepare their items ahead, as the crawl's build stage does (keys and index rows computed
                // before the store's transaction, kept through a retry after a lost race).
                if (w % 2 == 1)
                {
                    batch.ForEach(AnnouncementStore.Prepare);
                }

                stored += await store.StoreAsync(batch, [], () => [], CancellationToken.None);
            }

            return stored;
        })).ToList();
        start.SetResult();
        var counts = await Task.WhenAll(runs);

        await using var db = Factory.CreateDbContext();
        var rows = await db.Announcements.Select(a => new { a.CanonicalUrl, a.StoryId }).ToListAsync();
        Assert.Equal(storyCount * (writers + 1), rows.Count);
        Assert.Equal(rows.Count, counts.Sum());
        Assert.Equal(rows.Count, rows.Select(r => r.CanonicalUrl).Distinct().Count());
        var storyOf = rows.GroupBy(r => int.Parse(r.CanonicalUrl[(r.CanonicalUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Select(r => r.StoryId).Distinct().ToList());
        Assert.All(storyOf, pair => Assert.Single(pair.Value));
        Assert.Equal(storyCount, storyOf.Values.Select(v => v[0]).Distinct().Count());
    }

    // Report of story g by one writer: the story's own words in title and text, so reports of one story match and
    // reports of different stories do not.
    private static Announcement Story(int g, string source, string url)
    {
        var words = string.Join(' ', Enumerable.Range(0, 6).Select(i => Vocabulary[(g * 7 + i * 13) % Vocabulary.Length] + Vocabulary[(g * 3 + i * 5 + 1) % Vocabulary.Length]));
        var item = Item(source, $"Report {words}", url);
        item.UrlHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(url);
        item.ItemKeyHash = Monitor.Worker.Crawling.AnnouncementBuilder.Hash(source + url);
        item.Text = $"{words} {words} said the office of {words}.";
        item.SimHash = SimHash.Compute(item.Text);
        return item;
    }

    private static readonly string[] Vocabulary =
    [
        "amber", "basalt", "cobalt", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "jasper", "kelp", "lumen",
        "marble", "nectar", "onyx", "pylon", "quartz", "raven", "sable", "tundra", "umber", "vapor", "willow", "xenon",
        "yarrow", "zephyr", "anvil", "birch", "cedar", "dune", "egret", "flint", "glacier",
    ];

    private static Announcement Item(string source, string title, string url) => new()
    {
        UrlHash = url.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + source,
        CanonicalUrl = url,
        SourceId = source,
        ItemKeyHash = source + url.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Title = title,
        FetchedAt = DateTime.UtcNow,
        SimHash = SimHash.Compute(title + " " + source),
        Relevant = true,
        Score = 0.9,
    };
}

/// <summary><see cref="StoryClusteringTests"/> on SQLite.</summary>
public sealed class StoryClusteringTestsOnSqlite() : StoryClusteringTests(DatabaseProvider.Sqlite);

/// <summary><see cref="StoryClusteringTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class StoryClusteringTestsOnPostgreSql() : StoryClusteringTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="StoryClusteringTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class StoryClusteringTestsOnSqlServer() : StoryClusteringTests(DatabaseProvider.SqlServer);
