using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>Keeps fetched robots.txt files across processes, so a crawl does not fetch them again within their lifetime.</summary>
public sealed class RobotsStore(MonitorDbContextFactory contexts)
{
    /// <summary>Every entry still valid at <paramref name="now"/> (one query).</summary>
    public async Task<List<RobotsEntry>> LoadAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.RobotsEntries.AsNoTracking().Where(r => r.ExpiresAt > now).ToListAsync(cancellationToken);
    }

    /// <summary>Inserts or replaces <paramref name="entries"/> in one transaction. When another replica saved one of the
    /// same sites in between (a key conflict), it is tried once more: the later copy wins, as with one process.</summary>
    public async Task SaveAsync(IReadOnlyCollection<RobotsEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await ReplaceAsync(entries, cancellationToken);
        }
        catch (DbUpdateException)
        {
            await ReplaceAsync(entries, cancellationToken);
        }
    }

    private async Task ReplaceAsync(IReadOnlyCollection<RobotsEntry> entries, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sites = entries.Select(e => e.Site).ToList();
        await db.RobotsEntries.Where(r => sites.Contains(r.Site)).ExecuteDeleteAsync(cancellationToken);
        db.RobotsEntries.AddRange(entries.Select(e => new RobotsEntry { Site = e.Site, Text = e.Text, FetchedAt = e.FetchedAt, ExpiresAt = e.ExpiresAt }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
