using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// Announcements and stories: which items are known, storing new ones in batches, filing them under stories found by
/// index (SimHash bands, title keys), updating announcements whose text changed.
/// </summary>
/// <remarks>
/// A batch costs one lookup for known keys, one for story candidates, one transaction and (on server databases) one
/// post-commit check, whatever the number of stored announcements. No process-wide lock is held: the lookups and the insert run inside one
/// transaction under a database-level lock (<see cref="BeginWriteAsync"/>, <see cref="StoreLock"/>), so two writers
/// (two sources crawled at once, two replicas) never both miss each other's report of one story. The post-commit check
/// stays as a second line on server databases (it merges stories split by rows written outside the store, such as an
/// older version's); SQLite, one replica under one write lock, skips it.
/// </remarks>
public sealed class AnnouncementStore(MonitorDbContextFactory contexts, TimeProvider time, ILogger<AnnouncementStore>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<AnnouncementStore>.Instance;
    private readonly PlannerStatistics _statistics = new(logger ?? (ILogger)NullLogger<AnnouncementStore>.Instance);
    private readonly ArchiveBacklog _archiveBacklog = new();
    private int _archiveDeferrals;

    /// <summary>How far back a new announcement looks for a story to join.</summary>
    public static readonly TimeSpan StoryWindow = TimeSpan.FromDays(14);

    // How far back the post-commit check looks for another writer's report of the same story.
    private static readonly TimeSpan RaceWindow = TimeSpan.FromHours(1);

    /// <summary>
    /// Most archive index rows held back while <see cref="DeferArchiveIndex"/> is in effect: 24 bytes each (two lists
    /// that take turns, about 5 MB together at the default), the rows of some 2,700 relevant announcements in the crawl
    /// benchmark. Crawl benchmark, N=5,000, first pass: 100,000 rows 1,513 items/s (peak RSS 291 MB), 200,000 rows 1,506
    /// (316 MB), 500,000 rows 1,252 (a transaction that large spills SQLite's page cache), every row at once 1,128 (281 MB).
    /// </summary>
    internal int ArchiveBacklogLimit { get; set; } = 100_000;

    /// <summary>Archive index rows held back now (see <see cref="DeferArchiveIndex"/>).</summary>
    internal int ArchiveBacklogCount => _archiveBacklog.Count;

    /// <summary>Test seam: runs under the store lock between the story lookup and the insert; another writer started here waits.</summary>
    internal Func<Task>? AfterStoryLookup { get; set; }

    /// <summary>Of the given keys, the announcements already stored (by URL hash anywhere, or by item key hash in this source).</summary>
    public async Task<List<KnownItem>> FindKnownAsync(string sourceId, IReadOnlyCollection<string> urlHashes, IReadOnlyCollection<string> itemKeyHashes, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await KnownQuery(db, urlHashes, [sourceId], itemKeyHashes)
            .Select(a => new KnownItem(a.Id, a.UrlHash, a.ItemKeyHash, a.FeedHash, a.Title, a.SimHash))
            .ToListAsync(cancellationToken);
        return rows.Where(r => urlHashes.Contains(r.UrlHash) || itemKeyHashes.Contains(r.ItemKeyHash)).DistinctBy(r => r.Id).ToList();
    }

    /// <summary>
    /// The part of storing <paramref name="announcement"/> that needs no database: its story index keys and its archive
    /// index rows. The crawl's build stage calls it on every core once the announcement is final, so the store's
    /// serial transaction holds only database work; <see cref="StoreAsync"/> prepares any announcement not prepared.
    /// Call it once the announcement is final: the store does not prepare it again.
    /// </summary>
    public static void Prepare(Announcement announcement)
    {
        StoryCandidateQuery.Index(announcement);
        announcement.PreparedArchiveTerms = Archive.ArchiveIndex.Rows(announcement).ToList();
    }

    /// <summary>
    /// Until the returned scope is disposed, the archive index rows of the announcements stored (on SQLite) are held back
    /// and written in large sorted batches: when <see cref="ArchiveBacklogLimit"/> rows are held, when a transaction revises
    /// an announcement, and when the last scope ends. The crawl opens one for each pass.
    /// </summary>
    /// <remarks>
    /// Each row of the archive's index lands on a random page of a B-tree that outgrows SQLite's page cache as the archive
    /// grows, so a transaction of a thousand announcements (some 37,000 rows) read and rewrote most of the index, and a
    /// first crawl of 100,000 items slowed down as it went (crawl benchmark, README "Crawl"). Written together, a batch
    /// of 100,000 rows in the index's order meets each page once. The announcements themselves are stored and
    /// committed as before; until their rows are written they are missing from the archive pages and feeds, never from
    /// digests or the stories. Held rows live in memory: a process that is killed loses them, and the next crawl pass
    /// (<see cref="CatchUpArchiveIndexAsync"/>) or the archive's indexing at start (<see cref="Archive.ArchiveBackfill"/>)
    /// writes them. Server databases write every row at once, as before.
    /// </remarks>
    public IAsyncDisposable DeferArchiveIndex()
    {
        if (contexts.Provider != DatabaseProvider.Sqlite)
        {
            return NoDeferral.Instance;
        }

        Interlocked.Increment(ref _archiveDeferrals);
        return new ArchiveDeferral(this);
    }

    /// <summary>
    /// On SQLite, before a crawl pass stores its first announcements: writes the archive rows an earlier process held
    /// and never wrote because it was killed (<see cref="Archive.ArchiveBackfill.RunTailAsync"/>), so a `crawl` run
    /// from cron that was stopped mid-pass leaves nothing out of the archive past its next pass that stores something.
    /// Skipped while this process holds rows (another crawl group's pass writes them when it ends). Returns how many
    /// announcements were indexed.
    /// </summary>
    public async Task<int> CatchUpArchiveIndexAsync(CancellationToken cancellationToken)
    {
        if (contexts.Provider != DatabaseProvider.Sqlite || _archiveBacklog.Count > 0)
        {
            return 0;
        }

        try
        {
            var written = await Archive.ArchiveBackfill.RunTailAsync(contexts, cancellationToken);
            if (written > 0)
            {
                _logger.LogInformation("Archive index: {Count} announcements that an interrupted crawl had not indexed were indexed", written);
            }

            return written;
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The crawl goes on; the archive lacks those announcements until the next pass or the next start.
            _logger.LogWarning(ex, "Archive index: could not index what an interrupted crawl left out; tried again at the next pass");
            return 0;
        }
    }

    /// <summary>Stores <paramref name="announcement"/> and files it under a story; false when it was already stored.</summary>
    public async Task<bool> AddAsync(Announcement announcement, CancellationToken cancellationToken) =>
        await StoreAsync([announcement], [], () => [], cancellationToken) == 1;

    /// <summary>
    /// In one transaction: stores <paramref name="fresh"/> (skipping any already stored) under their stories, applies
    /// <paramref name="revisions"/>, and saves the source states <paramref name="states"/> returns once the inserts are
    /// done (stored announcements have their <see cref="Announcement.Id"/> and <see cref="Announcement.StoryId"/> then;
    /// skipped ones keep Id 0). Returns how many announcements were stored.
    /// </summary>
    public async Task<int> StoreAsync(IReadOnlyList<Announcement> fresh, IReadOnlyList<AnnouncementRevision> revisions, Func<IReadOnlyList<SourceState>> states, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = contexts.CreateDbContext();
            await using var transaction = await BeginWriteAsync(db, locked: fresh.Count > 0, cancellationToken);
            var batch = await WithoutKnownAsync(db, fresh, cancellationToken);
            var since = time.GetUtcNow().UtcDateTime - StoryWindow;
            var recent = await StoryCandidateQuery.RunAsync(db, batch, since, cancellationToken);
            var plan = StoryAssignment.Plan(batch.Select(StoryCandidateQuery.Candidate).ToList(), recent);
            if (AfterStoryLookup is { } hook)
            {
                await hook();
            }

            var created = FileUnderStories(batch, plan);
            List<ArchiveTerm> archiveRows;
            try
            {
                archiveRows = await InsertAsync(db, batch, created, cancellationToken);
            }
            catch (Exception ex) when (attempt == 1 && DatabaseErrors.IsUniqueViolation(ex))
            {
                // Another writer stored one of these URLs since the lookup: look again (the dedup working, not an error).
                await transaction.RollbackAsync(cancellationToken);
                foreach (var announcement in batch)
                {
                    announcement.Story = null;
                    announcement.StoryId = null;
                    announcement.Id = 0;
                }

                continue;
            }

            // A revision re-indexes its announcement: rows held back for it go in first.
            var archive = db.Database.IsSqlite() ? WriteArchiveRows(db, archiveRows, flush: revisions.Count > 0) : null;
            await MergeMatchedStoriesAsync(db, batch, plan, cancellationToken);
            await AnnouncementRevisions.ApplyAsync(db, revisions, time.GetUtcNow().UtcDateTime, cancellationToken);
            await SourceStateStore.WriteAsync(db, states(), cancellationToken);
            await CommitAsync(transaction, archive, cancellationToken);
            if (contexts.Provider == DatabaseProvider.PostgreSql && batch.Count > 0)
            {
                await _statistics.AfterStoreAsync(db, batch.Count, cancellationToken);
            }

            if (!db.Database.IsSqlite())
            {
                // On SQLite the lookups and the insert ran under the file's one write lock, and SQLite serves one replica
                // (README, Replicas): no writer can have filed a report of these stories since the lookup, and the check
                // (about 0.4 ms of a 2 ms add) would find nothing. On a server database it stays a second line for
                // writers outside this store, such as a replica of an older version during a rolling upgrade.
                await MergeRacedStoriesSafelyAsync(db, batch, recent, cancellationToken);
            }

            return batch.Count;
        }
    }

    /// <summary>
    /// Begins the write transaction; with <paramref name="locked"/>, it first takes the store's database-level lock, held
    /// until commit or rollback, so the known-items check, the story lookup and the insert of one writer never interleave
    /// with another's, in this process or another replica: PostgreSQL <c>pg_advisory_xact_lock</c>, SQL Server
    /// <c>sp_getapplock</c> (owner: the transaction); SQLite's transactions are <c>BEGIN IMMEDIATE</c>, which takes the
    /// file's one write lock. Only the database work runs under it (no fetching, parsing or classification), and a pass
    /// that stores no announcement (state updates only) does not take it.
    /// </summary>
    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteAsync(MonitorDbContext db, bool locked, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (locked)
        {
            await StoreLock.AcquireAsync(db, cancellationToken);
        }

        return transaction;
    }

    // Links each announcement to its group's story: the oldest stored story the group matches, or one new story per group
    // (returned, not yet stored).
    private static List<Story> FileUnderStories(List<Announcement> batch, StoryPlan plan)
    {
        var created = new Dictionary<int, Story>();
        for (var i = 0; i < batch.Count; i++)
        {
            var group = plan.Groups[i];
            if (plan.StoryOf(group) is { } storyId)
            {
                batch[i].StoryId = storyId;
            }
            else
            {
                batch[i].Story = created.TryGetValue(group, out var story) ? story : created[group] = NewStory(batch[i]);
            }
        }

        return created.Values.ToList();
    }

    // Inserts the new stories, the announcements and their extra keys. On SQLite with one prepared statement per table
    // (EF's change tracking cost more than SQLite's own work); on the other providers with EF's batched inserts, and the
    // archive index rows in multi-row statements (ArchiveTermWriter).
    // On SQLite the archive index rows are returned, not written (WriteArchiveRows decides when).
    private static async Task<List<ArchiveTerm>> InsertAsync(MonitorDbContext db, List<Announcement> batch, List<Story> created, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        if (!db.Database.IsSqlite())
        {
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.WritesArchiveTermsItself = true;
            db.Announcements.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
            await ArchiveTermWriter.InsertAsync(db, batch, cancellationToken);
            return [];
        }

        using (var stories = new SqliteRowWriter<Story>(db))
        {
            foreach (var story in created)
            {
                stories.Insert(story);
            }
        }

        // The archive index rows too (ArchiveIndexInterceptor adds them only to inserts EF makes), written by
        // WriteArchiveRows. Story keys go in after the announcements, sorted by their index's order: consecutive inserts
        // then land on the same B-tree pages, which stay in SQLite's small page cache, instead of one random page each.
        var storyKeys = new List<StoryKey>();
        var archiveTerms = new List<ArchiveTerm>();
        using (var announcements = new SqliteRowWriter<Announcement>(db))
        {
            foreach (var announcement in batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                announcement.StoryId ??= announcement.Story?.Id;
                announcements.Insert(announcement);
                foreach (var key in announcement.ExtraKeys)
                {
                    key.AnnouncementId = announcement.Id;
                    storyKeys.Add(key);
                }

                foreach (var term in announcement.PreparedArchiveTerms ?? Archive.ArchiveIndex.Rows(announcement))
                {
                    term.AnnouncementId = announcement.Id;
                    archiveTerms.Add(term);
                }
            }
        }

        InsertInOrder(db, storyKeys, static (x, y) => x.Key.CompareTo(y.Key) is var c and not 0 ? c : x.FetchedAt.CompareTo(y.FetchedAt));
        return archiveTerms;
    }

    // SQLite: writes the archive index rows of this transaction's announcements, with every row held back, or holds them
    // back too while a deferral is in effect (see DeferArchiveIndex). What it returns is staged just before the commit.
    private ArchiveWrite WriteArchiveRows(MonitorDbContext db, List<ArchiveTerm> rows, bool flush)
    {
        var held = _archiveBacklog.Count;
        if (Volatile.Read(ref _archiveDeferrals) > 0 && !flush && held + rows.Count < ArchiveBacklogLimit)
        {
            return new ArchiveWrite(WroteHeld: false, rows);
        }

        if (held > 0)
        {
            // A held row already stored is skipped: the archive's indexing at start may have written it first.
            using var writer = new SqliteRowWriter<ArchiveTerm>(db, ignoreConflicts: true);
            var row = new ArchiveTerm { Term = "" };
            foreach (var entry in _archiveBacklog.SortedHeld())
            {
                (row.AnnouncementId, row.Term, row.SortAt) = (entry.AnnouncementId, entry.Term, entry.SortAt);
                writer.Insert(row);
            }
        }

        // This transaction's own rows: its announcements are new, so none can be stored yet.
        InsertInOrder(db, rows, static (x, y) => ArchiveBacklog.IndexOrder(x.Term, x.SortAt, y.Term, y.SortAt));
        return new ArchiveWrite(WroteHeld: held > 0, []);
    }

    // Commits, staging the archive rows written and held back in the transaction just before; a failed commit puts the
    // backlog back as it was.
    private async Task CommitAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, ArchiveWrite? archive, CancellationToken cancellationToken)
    {
        var change = archive is null ? null : _archiveBacklog.Stage(archive.WroteHeld, archive.Held);
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            if (change is not null)
            {
                _archiveBacklog.Undo(change);
            }

            throw;
        }
    }

    // Writes every archive row held back, in its own transaction.
    private async Task FlushArchiveBacklogAsync(CancellationToken cancellationToken)
    {
        if (_archiveBacklog.Count == 0)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        await using var transaction = await BeginWriteAsync(db, locked: true, cancellationToken);
        var archive = WriteArchiveRows(db, [], flush: true);
        await CommitAsync(transaction, archive, cancellationToken);
    }

    private async Task EndDeferralAsync()
    {
        if (Interlocked.Decrement(ref _archiveDeferrals) > 0)
        {
            return;
        }

        try
        {
            await FlushArchiveBacklogAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            // The rows stay held: the next announcements stored write them, or the archive's indexing at the next start.
            _logger.LogWarning(ex, "Could not write {Count} archive index entries; they are written with the next announcements stored", _archiveBacklog.Count);
        }
    }

    private sealed record ArchiveWrite(bool WroteHeld, List<ArchiveTerm> Held);

    private sealed class ArchiveDeferral(AnnouncementStore store) : IAsyncDisposable
    {
        private int _ended;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                await store.EndDeferralAsync();
            }
        }
    }

    private sealed class NoDeferral : IAsyncDisposable
    {
        public static readonly NoDeferral Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    // Inserts rows in their index's order (SQLite): consecutive inserts meet the same B-tree pages.
    private static void InsertInOrder<T>(MonitorDbContext db, List<T> rows, Comparison<T> order)
        where T : class
    {
        rows.Sort(order);
        using var writer = new SqliteRowWriter<T>(db);
        foreach (var row in rows)
        {
            writer.Insert(row);
        }
    }

    // After the insert: the other stored stories a group matched become its story, and stored reports without a story join it.
    private static async Task MergeMatchedStoriesAsync(MonitorDbContext db, List<Announcement> batch, StoryPlan plan, CancellationToken cancellationToken)
    {
        foreach (var group in plan.Groups.Distinct())
        {
            var merge = plan.StoriesToMerge(group).ToList();
            var adopt = plan.StorylessToAdopt(group).ToList();
            if (merge.Count == 0 && adopt.Count == 0)
            {
                continue;
            }

            var target = batch[Array.IndexOf(plan.Groups, group)].StoryId!.Value;
            if (merge.Count > 0)
            {
                await db.Announcements.Where(a => a.StoryId != null && merge.Contains(a.StoryId.Value))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, target), cancellationToken);
            }

            if (adopt.Count > 0)
            {
                await db.Announcements.Where(a => adopt.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, target), cancellationToken);
            }
        }
    }

    private static Story NewStory(Announcement announcement) => new() { Title = announcement.Title, CreatedAt = announcement.FetchedAt };

    // Drops announcements already stored (by another source in the same run, another replica) and repeats within the batch.
    private static async Task<List<Announcement>> WithoutKnownAsync(MonitorDbContext db, IReadOnlyList<Announcement> fresh, CancellationToken cancellationToken)
    {
        var urls = fresh.Select(a => a.UrlHash).Distinct().ToList();
        var keys = fresh.Select(a => a.ItemKeyHash).Distinct().ToList();
        var sources = fresh.Select(a => a.SourceId).Distinct().ToList();
        var stored = urls.Count == 0 ? [] : await KnownQuery(db, urls, sources, keys)
            .Select(a => new { a.UrlHash, a.SourceId, a.ItemKeyHash })
            .ToListAsync(cancellationToken);
        var seenUrls = stored.Select(s => s.UrlHash).ToHashSet(StringComparer.Ordinal);
        var seenKeys = stored.Select(s => (s.SourceId, s.ItemKeyHash)).ToHashSet();
        var batch = new List<Announcement>(fresh.Count);
        foreach (var announcement in fresh)
        {
            if (seenUrls.Add(announcement.UrlHash) & seenKeys.Add((announcement.SourceId, announcement.ItemKeyHash)))
            {
                if (announcement.PreparedArchiveTerms is null)
                {
                    Prepare(announcement);
                }

                batch.Add(announcement);
            }
        }

        return batch;
    }

    /// <summary>Rows with one of <paramref name="urlHashes"/>, or one of <paramref name="itemKeyHashes"/> in one of
    /// <paramref name="sourceIds"/>: two index lookups (a superset of the pairs asked for; callers filter).</summary>
    internal static IQueryable<Announcement> KnownQuery(MonitorDbContext db, IReadOnlyCollection<string> urlHashes, IReadOnlyCollection<string> sourceIds, IReadOnlyCollection<string> itemKeyHashes) =>
        db.Announcements.AsNoTracking().Where(a => urlHashes.Contains(a.UrlHash))
            .Concat(db.Announcements.AsNoTracking().Where(a => sourceIds.Contains(a.SourceId) && itemKeyHashes.Contains(a.ItemKeyHash)));

    private async Task MergeRacedStoriesSafelyAsync(MonitorDbContext db, List<Announcement> batch, List<StoryCandidate> seen, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            var since = time.GetUtcNow().UtcDateTime - RaceWindow;
            await RacedStories.MergeAsync(db, batch, seen, since, cancellationToken);
        }
        catch (Exception ex) when ((ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            && !cancellationToken.IsCancellationRequested)
        {
            // The announcements are stored: a merge lost to a deadlock or a busy database only leaves two stories apart.
            _logger.LogWarning(ex, "Could not merge the stories of {Count} new announcements (first {AnnouncementId}); they stay apart", batch.Count, batch[0].Id);
        }
    }
}
