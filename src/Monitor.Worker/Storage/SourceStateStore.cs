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
        var exists = await db.SourceStates.AnyAsync(s => s.SourceId == state.SourceId, cancellationToken);
        if (exists)
        {
            db.SourceStates.Update(state);
        }
        else
        {
            db.SourceStates.Add(state);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
