using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Archive;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

/// <summary>
/// A crawl pass on SQLite holds the archive index rows of what it stores back and writes them in large sorted batches
/// (<see cref="AnnouncementStore.DeferArchiveIndex"/>): when the pass ends, when the backlog is full, before a revision;
/// and whatever the order, the archive ends with exactly the rows of what is stored.
/// </summary>
public sealed class ArchiveBacklogTests() : MigratedStore(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task RowsHeldBackDuringAPassAreWrittenWhenItEnds()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Relevant(0, 40);
        await using (store.DeferArchiveIndex())
        {
            Assert.Equal(20, await store.StoreAsync(items[..20], [], () => [], CancellationToken.None));
            Assert.Equal(20, await store.StoreAsync(items[20..], [], () => [], CancellationToken.None));

            // Stored and committed, in their stories, but not in the archive yet.
            Assert.Equal(40, await CountAsync(db => db.Announcements));
            Assert.Equal(0, await CountAsync(db => db.ArchiveTerms));
            Assert.Equal(ExpectedRows(items).Count, store.ArchiveBacklogCount);
        }

        Assert.Equal(0, store.ArchiveBacklogCount);
        Assert.Equal(ExpectedRows(items), await StoredRowsAsync());
    }

    [Fact]
    public async Task AFullBacklogIsWrittenWithTheTransactionThatFillsIt()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System) { ArchiveBacklogLimit = 100 };
        var first = Relevant(0, 5);
        var second = Relevant(5, 10);
        var rowsPerItem = ExpectedRows(first).Count / first.Count;
        Assert.InRange(rowsPerItem * 5, 1, 99);
        await using var pass = store.DeferArchiveIndex();

        await store.StoreAsync(first, [], () => [], CancellationToken.None);
        Assert.Equal(0, await CountAsync(db => db.ArchiveTerms));

        // The second batch would take the backlog past its limit: the held rows and its own go in with it.
        await store.StoreAsync(second, [], () => [], CancellationToken.None);
        Assert.Equal(0, store.ArchiveBacklogCount);
        Assert.Equal(ExpectedRows([.. first, .. second]), await StoredRowsAsync());
    }

    [Fact]
    public async Task ARevisionOfAnAnnouncementWhoseRowsAreHeldLeavesOnlyItsNewRows()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Relevant(0, 3);
        await using var pass = store.DeferArchiveIndex();
        await store.StoreAsync(items, [], () => [], CancellationToken.None);

        var rebuilt = Relevant(0, 1)[0];
        (rebuilt.Title, rebuilt.Summary, rebuilt.Countries) = ("Parliament adopts the artificial intelligence act", "Vote in plenary", "FR");
        await store.StoreAsync([], [new AnnouncementRevision(items[0].Id, rebuilt, Material: true)], () => [], CancellationToken.None);

        // The held rows went in before the revision re-indexed its announcement: no row of the old title is left.
        rebuilt.Id = items[0].Id;
        rebuilt.FetchedAt = items[0].FetchedAt;
        var stored = await StoredRowsAsync();
        Assert.Equal(ExpectedRows([rebuilt, items[1], items[2]]), stored);
        Assert.Contains((items[0].Id, ArchiveTerms.Country("FR")), stored);
        Assert.DoesNotContain((items[0].Id, ArchiveTerms.Word("sovereign")), stored);
    }

    [Fact]
    public async Task RowsTheIndexingAtStartWroteFirstAreSkippedNotFailed()
    {
        // The archive's indexing at start (or another process) may index announcements whose rows this process holds.
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Relevant(0, 12);
        var pass = store.DeferArchiveIndex();
        await store.StoreAsync(items, [], () => [], CancellationToken.None);
        Assert.Equal(12, await ArchiveBackfill.RunAsync(Factory, CancellationToken.None));

        await pass.DisposeAsync();

        Assert.Equal(0, store.ArchiveBacklogCount);
        Assert.Equal(ExpectedRows(items), await StoredRowsAsync());
    }

    [Fact]
    public async Task WithoutAPassEveryRowIsWrittenAtOnce()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Relevant(0, 6);
        await store.StoreAsync(items, [], () => [], CancellationToken.None);

        Assert.Equal(0, store.ArchiveBacklogCount);
        Assert.Equal(ExpectedRows(items), await StoredRowsAsync());
    }

    [Fact]
    public async Task RowsAKilledPassHeldAreWrittenByTheNextPassBeforeItHoldsItsOwn()
    {
        var earlier = Relevant(0, 5);
        var held = Relevant(5, 35);
        var first = new AnnouncementStore(Factory, TimeProvider.System);
        await first.StoreAsync(earlier, [], () => [], CancellationToken.None);
        _ = first.DeferArchiveIndex();
        await first.StoreAsync(held, [], () => [], CancellationToken.None);
        var notRelevant = Relevant(35, 36);
        notRelevant[0].Relevant = false;
        await first.StoreAsync(notRelevant, [], () => [], CancellationToken.None);

        // The process is killed with its pass open: the 30 announcements it held rows for are stored, not in the archive.
        Assert.Equal(ExpectedRows(earlier), await StoredRowsAsync());

        // The next process, before its own pass holds anything back, writes them: more than its first look (20), and
        // not the ones that were indexed already.
        var next = new AnnouncementStore(Factory, TimeProvider.System);
        Assert.Equal(30, await next.CatchUpArchiveIndexAsync(CancellationToken.None));
        Assert.Equal(ExpectedRows([.. earlier, .. held, .. notRelevant]), await StoredRowsAsync());
        Assert.Equal(0, await next.CatchUpArchiveIndexAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TheCatchUpStopsAfterItsBoundAndLeavesALongerRunToTheIndexingAtStart()
    {
        // More unindexed announcements than a killed pass can leave: a database from before the archive.
        var items = Relevant(0, 60);
        var first = new AnnouncementStore(Factory, TimeProvider.System);
        _ = first.DeferArchiveIndex();
        await first.StoreAsync(items, [], () => [], CancellationToken.None);

        Assert.Equal(20, await ArchiveBackfill.RunTailAsync(Factory, CancellationToken.None, maxTail: 20));
        Assert.Equal(ExpectedRows(items[40..]), await StoredRowsAsync());
        Assert.Equal(40, await ArchiveBackfill.RunAsync(Factory, CancellationToken.None));
        Assert.Equal(ExpectedRows(items), await StoredRowsAsync());
    }

    [Fact]
    public async Task TheCatchUpLeavesRowsThisProcessHoldsToItsPass()
    {
        var store = new AnnouncementStore(Factory, TimeProvider.System);
        var items = Relevant(0, 8);
        await using (store.DeferArchiveIndex())
        {
            await store.StoreAsync(items, [], () => [], CancellationToken.None);

            // Another crawl group of this process starting now must not write them one by one ahead of the pass.
            Assert.Equal(0, await store.CatchUpArchiveIndexAsync(CancellationToken.None));
            Assert.Equal(0, await CountAsync(db => db.ArchiveTerms));
        }

        Assert.Equal(ExpectedRows(items), await StoredRowsAsync());
    }

    private static List<Announcement> Relevant(int from, int to) => Enumerable.Range(from, to - from).Select(i =>
    {
        var item = StoreByIndexTests.Item($"src{i % 3}", $"Ministry funds sovereign language model {i} for Korean speakers", $"https://example.org/backlog/{i}", $"The national AI programme {i} buys {i * 17} GPUs.");
        (item.Relevant, item.Topics, item.Countries, item.Language, item.Summary) = (true, "model investment", i % 2 == 0 ? "KR" : "JP", "en", $"Summary {i}");
        return item;
    }).ToList();

    // The rows the archive's own index function gives for the stored announcements.
    private static List<(long Id, string Term)> ExpectedRows(IEnumerable<Announcement> items) =>
        items.SelectMany(a => ArchiveIndex.Rows(a).Select(t => (a.Id, t.Term))).Order().ToList();

    private async Task<List<(long Id, string Term)>> StoredRowsAsync()
    {
        await using var db = Factory.CreateDbContext();
        var rows = await db.ArchiveTerms.AsNoTracking().Select(t => new { t.AnnouncementId, t.Term }).ToListAsync();
        return rows.Select(r => (r.AnnouncementId, r.Term)).Order().ToList();
    }

    private async Task<int> CountAsync<T>(Func<MonitorDbContext, IQueryable<T>> set)
    {
        await using var db = Factory.CreateDbContext();
        return await set(db).CountAsync();
    }
}
