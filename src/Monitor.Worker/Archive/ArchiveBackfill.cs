using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Archive;

/// <summary>
/// Indexes, once after start, the relevant announcements stored before the archive existed (or by a writer that
/// bypassed <see cref="ArchiveIndexInterceptor"/>), 500 at a time, so upgrading a database needs no manual step.
/// </summary>
internal sealed class ArchiveBackfill(MonitorDbContextFactory contexts, ILogger<ArchiveBackfill> logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var indexed = await RunAsync(contexts, stoppingToken);
            if (indexed > 0)
            {
                logger.LogInformation("Archive index: {Count} stored announcements indexed", indexed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            // The archive then lacks the older announcements until the next start; nothing else depends on it.
            logger.LogWarning(ex, "Archive index: indexing stored announcements failed; retried at the next start");
        }
    }

    /// <summary>
    /// Indexes the newest relevant announcements that have no archive entry, walking back from the newest until one has
    /// its entry; returns how many. These are what a crawl pass left unwritten when its process was killed while it held
    /// its archive rows back (<see cref="AnnouncementStore.DeferArchiveIndex"/>): the rows of everything stored since
    /// its last batch of rows, always the newest announcements. When nothing is missing it reads the newest few. It stops
    /// after 20,000 announcements: a pass holds at most 100,000 rows, those of a few thousand announcements, and a
    /// longer run of unindexed ones is a database from before the archive, which <see cref="RunAsync"/> indexes at start.
    /// </summary>
    public static async Task<int> RunTailAsync(MonitorDbContextFactory contexts, CancellationToken cancellationToken, int maxTail = 20_000)
    {
        const int FirstLook = 20;
        var total = 0;
        var before = long.MaxValue;
        var take = FirstLook;
        while (true)
        {
            await using var db = contexts.CreateDbContext();
            var newest = await db.Announcements.AsNoTracking()
                .Where(a => a.Id < before && a.Relevant)
                .OrderByDescending(a => a.Id)
                .Select(a => new { a.Id, Indexed = db.ArchiveTerms.Any(t => t.AnnouncementId == a.Id && t.Term == ArchiveTerms.All) })
                .Take(take).ToListAsync(cancellationToken);
            var missing = newest.TakeWhile(a => !a.Indexed).Select(a => a.Id).ToList();
            if (missing.Count > 0)
            {
                await ArchiveIndex.ReindexAsync(db, missing, cancellationToken);
                total += missing.Count;
            }

            if (missing.Count < take || total >= maxTail)
            {
                return total;
            }

            before = missing[^1];
            take = BatchSize;
        }
    }

    /// <summary>Indexes every relevant announcement that has no archive entry yet; returns how many.</summary>
    public static async Task<int> RunAsync(MonitorDbContextFactory contexts, CancellationToken cancellationToken)
    {
        var total = 0;
        var after = 0L;
        while (true)
        {
            await using var db = contexts.CreateDbContext();
            var ids = await db.Announcements.AsNoTracking()
                .Where(a => a.Id > after && a.Relevant && !db.ArchiveTerms.Any(t => t.AnnouncementId == a.Id && t.Term == ArchiveTerms.All))
                .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            await ArchiveIndex.ReindexAsync(db, ids, cancellationToken);
            total += ids.Count;
            after = ids[^1];
        }
    }
}
