using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>Announcements and stories: which items are known, adding new ones, clustering them into stories.</summary>
public sealed class AnnouncementStore(MonitorDbContextFactory contexts, TimeProvider time, ILogger<AnnouncementStore>? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger<AnnouncementStore>.Instance;

    /// <summary>How far back a new announcement looks for a story to join.</summary>
    public static readonly TimeSpan StoryWindow = TimeSpan.FromDays(14);

    // How far back the post-commit check looks for another replica's report of the same story.
    private static readonly TimeSpan RaceWindow = TimeSpan.FromHours(1);

    /// <summary>Of the given keys, those already stored (by URL hash anywhere, or by item key hash in this source).</summary>
    public async Task<HashSet<string>> FindKnownAsync(string sourceId, IReadOnlyCollection<string> urlHashes, IReadOnlyCollection<string> itemKeyHashes, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var byUrl = await db.Announcements.AsNoTracking()
            .Where(a => urlHashes.Contains(a.UrlHash))
            .Select(a => a.UrlHash)
            .ToListAsync(cancellationToken);
        var byKey = await db.Announcements.AsNoTracking()
            .Where(a => a.SourceId == sourceId && itemKeyHashes.Contains(a.ItemKeyHash))
            .Select(a => a.ItemKeyHash)
            .ToListAsync(cancellationToken);
        return [.. byUrl, .. byKey];
    }

    // Story assignment reads recent announcements and then inserts: serialised, so two sources crawled in parallel that
    // carry the same story see each other. Another replica can still commit a report of the same story between this
    // read and this commit, each opening its own story: after committing, the rows that appeared since the read are
    // checked again and matching stories merged (see MergeRacedStoriesAsync).
    private readonly SemaphoreSlim _storyLock = new(1, 1);

    /// <summary>Test seam: runs between the story lookup and the insert, where another replica's insert can land.</summary>
    internal Func<Task>? AfterStoryLookup { get; set; }

    /// <summary>Stores <paramref name="announcement"/> and files it under a story; false when it was already stored.</summary>
    public async Task<bool> AddAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        await _storyLock.WaitAsync(cancellationToken);
        try
        {
            return await AddLockedAsync(announcement, cancellationToken);
        }
        finally
        {
            _storyLock.Release();
        }
    }

    private async Task<bool> AddLockedAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var since = time.GetUtcNow().UtcDateTime - StoryWindow;
        var recent = await CandidatesSinceAsync(db, since, cancellationToken);
        var candidate = new StoryCandidate(0, null, announcement.Title, announcement.SimHash);
        var match = StoryMatcher.FindMatch(candidate, recent);
        if (AfterStoryLookup is { } hook)
        {
            await hook();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (match?.StoryId is { } storyId)
        {
            announcement.StoryId = storyId;
        }
        else
        {
            announcement.Story = new Story { Title = announcement.Title, CreatedAt = announcement.FetchedAt };
        }

        db.Announcements.Add(announcement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(cancellationToken);
            if (await ExistsAsync(announcement, cancellationToken))
            {
                // Another source or worker stored the same URL first: that is the dedup working, not an error.
                return false;
            }

            throw;
        }

        if (match is { StoryId: null })
        {
            // The earlier announcement predates stories (or lost its story): bring it into the new one.
            await db.Announcements.Where(a => a.Id == match.AnnouncementId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, announcement.StoryId), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // A racing replica's row was fetched during the same crawl: looking back an hour is plenty and keeps this cheap.
        var raceSince = time.GetUtcNow().UtcDateTime - RaceWindow;
        try
        {
            await MergeRacedStoriesAsync(db, announcement, candidate, recent, raceSince, cancellationToken);
        }
        catch (Exception ex) when ((ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            && !cancellationToken.IsCancellationRequested)
        {
            // The announcement is stored: a merge lost to a deadlock or a busy database only leaves two stories apart.
            _logger.LogWarning(ex, "Could not merge the stories of announcement {AnnouncementId}; they stay apart", announcement.Id);
        }
        return true;
    }

    /// <summary>Whichever of two racing replicas commits second sees the other's row here (it was not in
    /// <paramref name="seen"/>, the rows read before the insert, or its story changed since); when it reports the same
    /// story, both stories become the older one. Idempotent, so both replicas may do it. Rows the lookup already saw
    /// unchanged are left alone: it chose among them, and merging through them would chain unrelated stories.</summary>
    private static async Task MergeRacedStoriesAsync(MonitorDbContext db, Announcement announcement, StoryCandidate candidate,
        List<StoryCandidate> seen, DateTime since, CancellationToken cancellationToken)
    {
        // Rows stored since the lookup, and rows whose story changed since (a third replica's merge moved them).
        var seenStories = seen.ToDictionary(c => c.AnnouncementId, c => c.StoryId);
        var arrived = (await CandidatesSinceAsync(db, since, cancellationToken))
            .Where(c => (!seenStories.TryGetValue(c.AnnouncementId, out var was) || was != c.StoryId) && c.StoryId != announcement.StoryId)
            .ToList();
        var stories = new HashSet<long> { announcement.StoryId!.Value };
        while (StoryMatcher.FindMatch(candidate, arrived) is { } other)
        {
            if (other.StoryId is { } id)
            {
                stories.Add(id);
            }

            arrived.Remove(other);
        }

        if (stories.Count == 1)
        {
            return;
        }

        var target = stories.Min();
        await db.Announcements.Where(a => a.StoryId != null && stories.Contains(a.StoryId.Value) && a.StoryId != target)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, target), cancellationToken);
    }

    private static Task<List<StoryCandidate>> CandidatesSinceAsync(MonitorDbContext db, DateTime since, CancellationToken cancellationToken) =>
        db.Announcements.AsNoTracking()
            .Where(a => a.FetchedAt >= since)
            .Select(a => new StoryCandidate(a.Id, a.StoryId, a.Title, a.SimHash))
            .ToListAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _storyLock.Dispose();

    private async Task<bool> ExistsAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Announcements.AnyAsync(
            a => a.UrlHash == announcement.UrlHash || (a.SourceId == announcement.SourceId && a.ItemKeyHash == announcement.ItemKeyHash),
            cancellationToken);
    }
}
