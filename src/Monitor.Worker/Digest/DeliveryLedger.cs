using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>
/// The delivery ledger: one row per subscriber × period, inserted together with its items before anything is sent. The
/// unique indexes make a second worker's insert fail instead of sending again, and keep an announcement out of two digests.
/// Reads are made per run (the pool of recent announcements) and per page of subscribers, never per subscriber.
/// </summary>
public sealed class DeliveryLedger(MonitorDbContextFactory contexts, TimeProvider time)
{
    /// <summary>Characters of extracted text loaded per announcement (enough for a two-sentence summary).</summary>
    public const int TextPrefix = 1500;

    /// <summary>Relevant announcements fetched since <paramref name="since"/>, with only the start of their text. One query per run.</summary>
    public async Task<List<Announcement>> LoadPoolAsync(DateTime since, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await Project(db.Announcements.AsNoTracking().Where(a => a.Relevant && a.FetchedAt >= since).OrderBy(a => a.Id))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Announcements by id (resending a recorded digest whose items left the pool).</summary>
    public async Task<List<Announcement>> LoadAnnouncementsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var db = contexts.CreateDbContext();
        return await Project(db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);
    }

    /// <summary>Older announcements (before <paramref name="before"/>) of these stories, for "also reported by". One query per run.</summary>
    public async Task<List<Announcement>> LoadStoryMatesAsync(IReadOnlyCollection<long> storyIds, DateTime before, CancellationToken cancellationToken)
    {
        if (storyIds.Count == 0)
        {
            return [];
        }

        await using var db = contexts.CreateDbContext();
        return await db.Announcements.AsNoTracking()
            .Where(a => a.StoryId != null && storyIds.Contains(a.StoryId.Value) && a.FetchedAt < before)
            .Select(a => new Announcement { Id = a.Id, StoryId = a.StoryId, SourceId = a.SourceId, UrlHash = "", CanonicalUrl = "", ItemKeyHash = "", Title = "" })
            .ToListAsync(cancellationToken);
    }

    /// <summary>For a page of subscribers: their ledger rows for the given periods, and what each already had (announcement
    /// and story) among announcements fetched since <paramref name="deliveredSince"/>. Two queries per page.</summary>
    public async Task<LedgerPage> LoadPageAsync(IReadOnlyCollection<long> subscriberIds, IReadOnlyCollection<string> periodKeys, DateTime deliveredSince, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var deliveries = await db.DigestDeliveries.AsNoTracking()
            .Where(d => subscriberIds.Contains(d.SubscriberId) && periodKeys.Contains(d.PeriodKey))
            .ToListAsync(cancellationToken);
        var delivered = await (
                from i in db.DigestDeliveryItems
                join a in db.Announcements on i.AnnouncementId equals a.Id
                where subscriberIds.Contains(i.SubscriberId) && a.FetchedAt >= deliveredSince
                select new { i.SubscriberId, a.Id, a.StoryId })
            .ToListAsync(cancellationToken);
        var history = delivered.GroupBy(d => d.SubscriberId).ToDictionary(
            g => g.Key,
            g => new DeliveredHistory(g.Select(d => d.Id).ToHashSet(), g.Where(d => d.StoryId != null).Select(d => d.StoryId!.Value).ToHashSet()));
        return new LedgerPage(deliveries, history);
    }

    /// <summary>The announcement ids recorded for each delivery.</summary>
    public async Task<Dictionary<long, List<long>>> LoadItemIdsAsync(IReadOnlyCollection<long> deliveryIds, CancellationToken cancellationToken)
    {
        if (deliveryIds.Count == 0)
        {
            return [];
        }

        await using var db = contexts.CreateDbContext();
        var items = await db.DigestDeliveryItems.AsNoTracking().Where(i => deliveryIds.Contains(i.DeliveryId))
            .Select(i => new { i.DeliveryId, i.AnnouncementId }).ToListAsync(cancellationToken);
        return items.GroupBy(i => i.DeliveryId).ToDictionary(g => g.Key, g => g.Select(i => i.AnnouncementId).ToList());
    }

    /// <summary>Records pending deliveries with their items in one transaction (the deliveries in one insert, the items
    /// in multi-row inserts of <see cref="ItemsPerStatement"/>); where another run recorded a period (or an item) first,
    /// that request gets null. The result is in request order.</summary>
    public async Task<List<DigestDelivery?>> CreateAsync(IReadOnlyList<DeliveryRequest> requests, string messageIdHost, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return [];
        }

        try
        {
            return [.. await InsertAsync(requests, messageIdHost, cancellationToken)];
        }
        catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // Another worker owns at least one of these periods or items: record the rest one by one. Any other error
            // (a lock held past the timeout, a lost connection) fails the run: nothing is sent unrecorded.
        }

        var created = new List<DigestDelivery?>();
        foreach (var request in requests)
        {
            try
            {
                created.Add((await InsertAsync([request], messageIdHost, cancellationToken))[0]);
            }
            catch (Exception ex) when (DatabaseErrors.IsUniqueViolation(ex))
            {
                created.Add(null);
            }
        }

        return created;
    }

    /// <summary>Rows per multi-row insert of delivery items (3 numbers each, written as literals: no parameter limit applies).</summary>
    public const int ItemsPerStatement = 500;

    private async Task<List<DigestDelivery>> InsertAsync(IReadOnlyList<DeliveryRequest> requests, string host, CancellationToken cancellationToken)
    {
        await using var context = contexts.CreateDbContext();

        // SQL Server's retrying strategy allows a transaction only as one retriable unit.
        return await context.Database.CreateExecutionStrategy().ExecuteAsync(() => InsertOnceAsync(requests, host, cancellationToken));
    }

    private async Task<List<DigestDelivery>> InsertOnceAsync(IReadOnlyList<DeliveryRequest> requests, string host, CancellationToken cancellationToken)
    {
        var deliveries = requests.Select(r => NewDelivery(r, host)).ToList();
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.DigestDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(cancellationToken);

        // EF would send one INSERT per item on SQLite; these are numbers only, so literal multi-row inserts are safe.
        var rows = deliveries.SelectMany((d, i) => requests[i].AnnouncementIds.Select(a => (d.Id, a, d.SubscriberId))).ToList();
        foreach (var chunk in rows.Chunk(ItemsPerStatement))
        {
            // Quoted names: PostgreSQL folds unquoted ones to lower case (SQL Server reads the quotes under QUOTED_IDENTIFIER ON, its default).
            var sql = new System.Text.StringBuilder("INSERT INTO \"DigestDeliveryItems\" (\"DeliveryId\", \"AnnouncementId\", \"SubscriberId\") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ",")}({chunk[i].Item1},{chunk[i].Item2},{chunk[i].Item3})");
            }

#pragma warning disable EF1002 // Only integers from our own rows are interpolated.
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), cancellationToken);
#pragma warning restore EF1002
        }

        await transaction.CommitAsync(cancellationToken);
        return deliveries;
    }

    /// <summary>A marker that records deliveries sent one by one, as each message is accepted (see <see cref="SentMarker"/>).</summary>
    public Task<SentMarker> OpenSentMarkerAsync(CancellationToken cancellationToken) => SentMarker.OpenAsync(contexts, time, cancellationToken);

    /// <summary>Records a failed attempt; with <paramref name="giveUp"/> the delivery is given up and its items are freed for the next period.</summary>
    public async Task MarkFailedAsync(long deliveryId, string error, bool giveUp, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = error.Length > 2000 ? error[..2000] : error;
        var state = giveUp ? DeliveryState.GivenUp : DeliveryState.Failed;
        await db.DigestDeliveries.Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, state)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1).SetProperty(d => d.LastError, message), cancellationToken);
        if (giveUp)
        {
            await db.DigestDeliveryItems.Where(i => i.DeliveryId == deliveryId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private DigestDelivery NewDelivery(DeliveryRequest request, string host) =>
        new()
        {
            SubscriberId = request.SubscriberId,
            PeriodKey = request.PeriodKey,
            State = DeliveryState.Pending,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            // Stable across attempts (stored), unique, and naming the list's own domain.
            MessageId = $"digest.{request.SubscriberId}.{request.PeriodKey.Replace(':', '.')}.{Guid.NewGuid().ToString("n")[..12]}@{host}",
        };

    private static IQueryable<Announcement> Project(IQueryable<Announcement> query) =>
        query.Select(a => new Announcement
        {
            Id = a.Id,
            UrlHash = a.UrlHash,
            CanonicalUrl = a.CanonicalUrl,
            SourceId = a.SourceId,
            ItemKeyHash = a.ItemKeyHash,
            Title = a.Title,
            TitleGloss = a.TitleGloss,
            PublishedAt = a.PublishedAt,
            FetchedAt = a.FetchedAt,
            Language = a.Language,
            Text = a.Text.Substring(0, TextPrefix),
            Summary = a.Summary,
            Topics = a.Topics,
            Countries = a.Countries,
            Models = a.Models,
            Relevant = a.Relevant,
            Score = a.Score,
            Reasons = a.Reasons,
            StoryId = a.StoryId,
        });
}
