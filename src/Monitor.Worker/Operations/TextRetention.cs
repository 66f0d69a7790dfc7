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

        var dropped = 0;
        var afterId = 0L;
        while (true)
        {
            var ids = await db.Announcements.AsNoTracking()
                .Where(a => a.FetchedAt >= from && a.FetchedAt < cutoff && a.Id > afterId)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(settings.BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                break;
            }

            dropped += await db.Announcements.Where(a => ids.Contains(a.Id) && a.Text != "")
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Text, ""), cancellationToken);
            afterId = ids[^1];
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
