using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>
/// The delivery ledger: one row per subscriber × period, inserted together with its items before anything is sent. The
/// unique indexes make a second worker's insert fail instead of sending again, and keep an announcement out of two digests.
/// </summary>
public sealed class DeliveryLedger(MonitorDbContextFactory contexts, TimeProvider time)
{
    /// <summary>The delivery of <paramref name="subscriberKey"/> for <paramref name="periodKey"/>, with its item ids, or null.</summary>
    public async Task<DigestDelivery?> FindAsync(string subscriberKey, string periodKey, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.DigestDeliveries.AsNoTracking().Include(d => d.Items)
            .FirstOrDefaultAsync(d => d.SubscriberKey == subscriberKey && d.PeriodKey == periodKey, cancellationToken);
    }

    /// <summary>
    /// Relevant announcements fetched since <paramref name="since"/> that this subscriber has not had, neither themselves
    /// nor through another announcement of the same story.
    /// </summary>
    public async Task<List<Announcement>> FindUndeliveredAsync(string subscriberKey, double minScore, DateTime since, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var delivered = db.DigestDeliveryItems.Where(i => i.SubscriberKey == subscriberKey).Select(i => i.AnnouncementId);
        var deliveredStories = db.Announcements
            .Where(a => a.StoryId != null && delivered.Contains(a.Id))
            .Select(a => a.StoryId);
        return await db.Announcements.AsNoTracking()
            .Where(a => a.Relevant && a.Score >= minScore && a.FetchedAt >= since)
            .Where(a => !delivered.Contains(a.Id))
            .Where(a => a.StoryId == null || !deliveredStories.Contains(a.StoryId))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records a pending delivery with its items; null when another run recorded this period first.</summary>
    public async Task<DigestDelivery?> CreateAsync(string subscriberKey, string periodKey, IReadOnlyCollection<long> announcementIds, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var delivery = new DigestDelivery
        {
            SubscriberKey = subscriberKey,
            PeriodKey = periodKey,
            State = DeliveryState.Pending,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            MessageId = $"digest.{Guid.NewGuid():n}@monitor",
        };
        foreach (var id in announcementIds)
        {
            delivery.Items.Add(new DigestDeliveryItem { AnnouncementId = id, SubscriberKey = subscriberKey });
        }

        db.DigestDeliveries.Add(delivery);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return delivery;
        }
        catch (DbUpdateException)
        {
            // The unique index said no: another worker (or an earlier run) owns this period or these items.
            return null;
        }
    }

    /// <summary>The announcements of a delivery, and every announcement sharing their stories (for "also reported by").</summary>
    public async Task<(List<Announcement> Items, List<Announcement> StoryMates)> LoadAsync(DigestDelivery delivery, CancellationToken cancellationToken)
    {
        var ids = delivery.Items.Select(i => i.AnnouncementId).ToList();
        await using var db = contexts.CreateDbContext();
        var items = await db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var stories = items.Where(a => a.StoryId != null).Select(a => a.StoryId).Distinct().ToList();
        var mates = await db.Announcements.AsNoTracking()
            .Where(a => stories.Contains(a.StoryId) && !ids.Contains(a.Id))
            .ToListAsync(cancellationToken);
        return (items, mates);
    }

    /// <summary>Marks the delivery sent.</summary>
    public async Task MarkSentAsync(long deliveryId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        await db.DigestDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent).SetProperty(d => d.SentAt, now)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Records a failed attempt; with <paramref name="release"/> the items are freed for the next period.</summary>
    public async Task MarkFailedAsync(long deliveryId, string error, bool release, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.DigestDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Failed)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastError, message), cancellationToken);
        if (release)
        {
            await db.DigestDeliveryItems.Where(i => i.DeliveryId == deliveryId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
