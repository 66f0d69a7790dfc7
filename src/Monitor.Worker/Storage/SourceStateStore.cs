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
        var state = await db.SourceStates.AsNoTracking().FirstOrDefaultAsync(s => s.SourceId == sourceId, cancellationToken);
        if (state is not null)
        {
            state.Persisted = true;
        }

        return state ?? new SourceState { SourceId = sourceId };
    }

    /// <summary>All stored states, by source id.</summary>
    public async Task<Dictionary<string, SourceState>> GetAllAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.SourceId, cancellationToken);
        foreach (var state in states.Values)
        {
            state.Persisted = true;
        }

        return states;
    }

    /// <summary>The stored states of <paramref name="sourceIds"/>, by source id (one query per 500 ids).</summary>
    public async Task<Dictionary<string, SourceState>> GetManyAsync(IReadOnlyList<string> sourceIds, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var states = new Dictionary<string, SourceState>(StringComparer.Ordinal);
        foreach (var chunk in sourceIds.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var state in await db.SourceStates.AsNoTracking().Where(s => chunk.Contains(s.SourceId)).ToListAsync(cancellationToken))
            {
                state.Persisted = true;
                states[state.SourceId] = state;
            }
        }

        return states;
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
        if (states.Count == 0)
        {
            return;
        }

        if (db.Database.IsSqlite())
        {
            // One prepared UPDATE (an INSERT for a source's first state), reused for every source: a pass where a
            // thousand feeds answer 304 writes a thousand states, which EF's change tracking made the pass's main cost.
            await db.Database.OpenConnectionAsync(cancellationToken);
            using var writer = new SqliteRowWriter<SourceState>(db);
            foreach (var state in states)
            {
                writer.Upsert(state);
                state.Persisted = true;
            }

            return;
        }

        var copies = states.Select(Copy).ToList();
        for (var i = 0; i < states.Count; i++)
        {
            db.Entry(copies[i]).State = states[i].Persisted ? EntityState.Modified : EntityState.Added;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another process inserted a first state, or removed one, since it was read: write each on its own.
            foreach (var copy in copies)
            {
                db.Entry(copy).State = EntityState.Detached;
            }

            await WriteEachAsync(db, states, cancellationToken);
        }

        foreach (var state in states)
        {
            state.Persisted = true;
        }
    }

    private static async Task WriteEachAsync(MonitorDbContext db, IReadOnlyList<SourceState> states, CancellationToken cancellationToken)
    {
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
                await db.SaveChangesAsync(cancellationToken);
            }
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
