using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>Reads and writes per-source crawl state.</summary>
public sealed class SourceStateStore(MonitorDbContextFactory contexts)
{
    /// <summary>The state of <paramref name="sourceId"/> (a fresh one when never crawled).</summary>
    public async Task<SourceState> GetAsync(string sourceId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.SourceStates.AsNoTracking().FirstOrDefaultAsync(s => s.SourceId == sourceId, cancellationToken)
            ?? new SourceState { SourceId = sourceId };
    }

    /// <summary>All stored states, by source id.</summary>
    public async Task<Dictionary<string, SourceState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.SourceId, cancellationToken);
    }

    /// <summary>Inserts or replaces the state row.</summary>
    public async Task SaveAsync(SourceState state, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await WriteAsync(db, [state], cancellationToken);
    }

    /// <summary>Writes <paramref name="states"/> on <paramref name="db"/> (inside the caller's transaction, if any): one
    /// UPDATE per stored state, an INSERT for a source's first.</summary>
    internal static async Task WriteAsync(MonitorDbContext db, IReadOnlyList<SourceState> states, CancellationToken cancellationToken)
    {
        var inserted = false;
        foreach (var s in states)
        {
            var updated = await db.SourceStates.Where(x => x.SourceId == s.SourceId).ExecuteUpdateAsync(u => u
                .SetProperty(x => x.ETag, s.ETag)
                .SetProperty(x => x.LastModified, s.LastModified)
                .SetProperty(x => x.LastAttemptAt, s.LastAttemptAt)
                .SetProperty(x => x.LastSuccessAt, s.LastSuccessAt)
                .SetProperty(x => x.ConsecutiveFailures, s.ConsecutiveFailures)
                .SetProperty(x => x.LastError, s.LastError)
                .SetProperty(x => x.NextAttemptAt, s.NextAttemptAt)
                .SetProperty(x => x.LastOutcome, s.LastOutcome)
                .SetProperty(x => x.ItemsStored, s.ItemsStored), cancellationToken);
            if (updated == 0)
            {
                db.SourceStates.Add(Copy(s));
                inserted = true;
            }
        }

        if (inserted)
        {
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static SourceState Copy(SourceState s) => new()
    {
        SourceId = s.SourceId,
        ETag = s.ETag,
        LastModified = s.LastModified,
        LastAttemptAt = s.LastAttemptAt,
        LastSuccessAt = s.LastSuccessAt,
        ConsecutiveFailures = s.ConsecutiveFailures,
        LastError = s.LastError,
        NextAttemptAt = s.NextAttemptAt,
        LastOutcome = s.LastOutcome,
        ItemsStored = s.ItemsStored,
    };
}
