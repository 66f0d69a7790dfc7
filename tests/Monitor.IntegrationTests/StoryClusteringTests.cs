using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

/// <summary>Two replicas on one database file: reports of one story stored at the same moment end in one story.</summary>
public sealed class StoryClusteringTests : MigratedStore
{
    [Fact]
    public async Task ReportsStoredByTwoReplicasAtOnceJoinOneStory()
    {
        var replicaA = new AnnouncementStore(Factory, TimeProvider.System);
        var replicaB = new AnnouncementStore(Factory, TimeProvider.System);
        var older = Item("wire", "Ministry approves national AI basic plan for sovereign models", "https://wire.example/1");
        Assert.True(await replicaA.AddAsync(older, CancellationToken.None));
        // Replica B stores its report after A looked for a story and before A inserts: neither sees the other in time.
        replicaA.AfterStoryLookup = async () =>
        {
            replicaA.AfterStoryLookup = null;
            Assert.True(await replicaB.AddAsync(Item("agency", "Cabinet adopts first national AI basic plan", "https://agency.example/2"), CancellationToken.None));
            Assert.True(await replicaB.AddAsync(Item("daily", "Cabinet adopts the first national AI basic plan", "https://daily.example/3"), CancellationToken.None));
        };

        Assert.True(await replicaA.AddAsync(Item("gazette", "Cabinet adopts first national AI basic plan today", "https://gazette.example/4"), CancellationToken.None));

        await using var db = Factory.CreateDbContext();
        var stories = await db.Announcements.OrderBy(a => a.Id).Select(a => new { a.SourceId, a.StoryId }).ToListAsync();
        var plan = stories.Where(s => s.SourceId != "wire").Select(s => s.StoryId).Distinct().ToList();
        var only = Assert.Single(plan);
        Assert.NotNull(only);
        // The unrelated earlier story is neither merged in nor taken over.
        Assert.NotEqual(stories.Single(s => s.SourceId == "wire").StoryId, only);
    }

    [Fact]
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

        // ...and while replica A files a third report under the newer one, replica B merges them into the older one.
        replicaA.AfterStoryLookup = async () =>
        {
            replicaA.AfterStoryLookup = null;
            await using var db = Factory.CreateDbContext();
            var older = (await db.Announcements.SingleAsync(a => a.SourceId == "agency")).StoryId;
            await db.Announcements.Where(a => a.SourceId == "daily").ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, older));
        };
        Assert.True(await replicaA.AddAsync(Item("gazette", "Parliament passes national artificial intelligence act today", "https://gazette.example/3"), CancellationToken.None));

        await using var check = Factory.CreateDbContext();
        Assert.Single(await check.Announcements.Select(a => a.StoryId).Distinct().ToListAsync());
    }

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
