using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>Announcements and stories: which items are known, adding new ones, clustering them into stories.</summary>
public sealed class AnnouncementStore(MonitorDbContextFactory contexts, TimeProvider time) : IDisposable
{
    /// <summary>How far back a new announcement looks for a story to join.</summary>
    public static readonly TimeSpan StoryWindow = TimeSpan.FromDays(14);

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
    // carry the same story see each other. REVIEW: replicas still race here (each can start its own story); a
    // database-side lock would close that if it shows up in practice.
    private readonly SemaphoreSlim _storyLock = new(1, 1);

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
        var recent = await db.Announcements.AsNoTracking()
            .Where(a => a.FetchedAt >= since)
            .Select(a => new StoryCandidate(a.Id, a.StoryId, a.Title, a.SimHash))
            .ToListAsync(cancellationToken);
        var match = StoryMatcher.FindMatch(new StoryCandidate(0, null, announcement.Title, announcement.SimHash), recent);

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
        return true;
    }

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
