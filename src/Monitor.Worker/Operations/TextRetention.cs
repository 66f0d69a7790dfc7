using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Operations;

/// <summary>
/// Empties the extracted text of announcements fetched more than <see cref="RetentionOptions.TextDays"/> ago, in
/// batches by id, keeping everything else (title, summary, classification, story, delivery history). A marker keeps
/// the cutoff reached, so each run reads only announcements that aged past it since the last run (through the
/// <c>FetchedAt</c> index), never everything stored; a run that stops half-way is simply done again.
/// </summary>
public sealed class TextRetention(MonitorDbContextFactory contexts, IOptions<RetentionOptions> options, TimeProvider time, ILogger<TextRetention> logger)
{
    /// <summary>The marker's name.</summary>
    public const string MarkerName = "retention.text";

    /// <summary>Runs once; returns the number of announcements whose text was dropped.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.TextDays == 0)
        {
            return 0;
        }

        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-settings.TextDays);
        await using var db = contexts.CreateDbContext();
        var marker = await db.MaintenanceMarkers.FirstOrDefaultAsync(m => m.Name == MarkerName, cancellationToken);
        var from = marker?.Value ?? DateTime.MinValue;
        if (from >= cutoff)
        {
            return 0;
        }

        // Keyset over (FetchedAt, Id): the FetchedAt index gives each batch, ordered, without reading older rows again.
        var dropped = 0;
        var afterTime = from;
        var afterId = 0L;
        while (true)
        {
            var (time, id) = (afterTime, afterId);
            var batch = await db.Announcements.AsNoTracking()
                .Where(a => a.FetchedAt >= time && a.FetchedAt < cutoff && (a.FetchedAt > time || a.Id > id))
                .OrderBy(a => a.FetchedAt).ThenBy(a => a.Id)
                .Select(a => new { a.Id, a.FetchedAt }).Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var ids = batch.Select(a => a.Id).ToList();
            dropped += await db.Announcements.Where(a => ids.Contains(a.Id) && a.Text != "")
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, ""), cancellationToken);
            (afterTime, afterId) = (batch[^1].FetchedAt, batch[^1].Id);
        }

        if (marker is null)
        {
            db.MaintenanceMarkers.Add(new MaintenanceMarker { Name = MarkerName, Value = cutoff });
        }
        else
        {
            marker.Value = cutoff;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Retention: dropped the text of {Count} announcements fetched before {Cutoff:u}", dropped, cutoff);
        return dropped;
    }
}
