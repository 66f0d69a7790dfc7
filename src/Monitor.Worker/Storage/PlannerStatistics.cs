using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Monitor.Worker.Storage;

/// <summary>
/// Keeps PostgreSQL's planner statistics up with a store that grows fast. PostgreSQL plans from statistics that
/// autovacuum refreshes at most once a minute, after a tenth of a table has changed; a first crawl (a new deployment, a
/// backfill) fills the tables from nothing in less time. Until then the planner prices the tables as nearly empty and
/// looks for story candidates through the fetch-date index, filtering every announcement of the window for each batch:
/// the cost of a batch grows with the store, inside the store's lock. So, as PostgreSQL's manual advises after a bulk
/// load, the store runs <c>ANALYZE</c> itself whenever this process has stored as many announcements as the table held
/// at its last analysis (at least <see cref="MinGrowth"/>): a handful of times while a table fills, never once it holds
/// more than a crawl adds (autovacuum keeps it then). It runs after the commit, outside the lock, one at a time.
/// </summary>
internal sealed class PlannerStatistics(ILogger logger)
{
    /// <summary>New announcements before the first analysis, and the least growth between two.</summary>
    public const int MinGrowth = 1000;

    // The tables a crawl fills, whose plans the store and the archive depend on; named as the EF model maps them.
    private static readonly Type[] Tables = [typeof(Entities.Announcement), typeof(Entities.StoryKey), typeof(Entities.ArchiveTerm), typeof(Entities.Story)];

    private int _running;
    private long _stored;
    private long _analysedRows = -1;

    /// <summary>Counts <paramref name="stored"/> new announcements and analyses the store's tables when they have grown enough.</summary>
    public async Task AfterStoreAsync(MonitorDbContext db, int stored, CancellationToken cancellationToken)
    {
        var since = Interlocked.Add(ref _stored, stored);
        if (since < MinGrowth || since < Interlocked.Read(ref _analysedRows) || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        try
        {
            if (Interlocked.Read(ref _analysedRows) < 0)
            {
                // First look since start: a table analysed before (by autovacuum or an earlier run) counts from its size.
                var rows = await EstimatedRowsAsync(db, cancellationToken);
                Interlocked.Exchange(ref _analysedRows, rows);
                if (since < rows)
                {
                    return;
                }
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var analyze = "ANALYZE " + string.Join(", ", Tables.Select(t => new ModelTable(db, t).Name));
            await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
            Interlocked.Exchange(ref _analysedRows, await EstimatedRowsAsync(db, cancellationToken));
            Interlocked.Exchange(ref _stored, 0);
            logger.LogDebug("Refreshed the planner's statistics after {Count} new announcements in {Milliseconds:F0} ms", since,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Statistics only make plans better: without them the store still works, as before. Try again after as many more.
            Interlocked.Exchange(ref _stored, 0);
            logger.LogWarning(ex, "Could not refresh the database's statistics after a large number of new announcements; autovacuum will");
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    // pg_class.reltuples: -1 (PostgreSQL 14+) or 0 for a table never analysed.
    private static async Task<long> EstimatedRowsAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        var announcements = new ModelTable(db, typeof(Entities.Announcement)).Name;
        return Math.Max(0L, await db.Database.SqlQuery<long>($"SELECT reltuples::bigint AS \"Value\" FROM pg_class WHERE oid = {announcements}::regclass").SingleAsync(cancellationToken));
    }
}
