using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>Subscriber rows: lookups by address and id, pages for the digest run, status changes.</summary>
public sealed class SubscriberStore(MonitorDbContextFactory contexts, TimeProvider time)
{
    /// <summary>The subscriber with this address (any case), or null.</summary>
    public async Task<Subscriber?> FindAsync(string email, CancellationToken cancellationToken)
    {
        var key = SubscriberRules.Key(email);
        await using var db = contexts.CreateDbContext();
        return await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.EmailKey == key, cancellationToken);
    }

    /// <summary>The subscriber with this id, or null.</summary>
    public async Task<Subscriber?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Up to <paramref name="count"/> subscribers with <paramref name="status"/> and an id above <paramref name="afterId"/>, in id order (keyset paging: one indexed query per page).</summary>
    public async Task<List<Subscriber>> PageAsync(SubscriberStatus status, long afterId, int count, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Subscribers.AsNoTracking()
            .Where(s => s.Status == status && s.Id > afterId)
            .OrderBy(s => s.Id)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every subscriber, in id order, streamed (for <c>list</c> and <c>export</c>).</summary>
    public async IAsyncEnumerable<Subscriber> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long after = 0;
        while (true)
        {
            await using var db = contexts.CreateDbContext();
            var page = await db.Subscribers.AsNoTracking().Where(s => s.Id > after).OrderBy(s => s.Id).Take(1000).ToListAsync(cancellationToken);
            foreach (var subscriber in page)
            {
                yield return subscriber;
            }

            if (page.Count < 1000)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    /// <summary>Counts by status.</summary>
    public async Task<Dictionary<SubscriberStatus, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }

    /// <summary>Inserts or updates <paramref name="subscriber"/> (by id; 0 inserts). False when the address is taken by another row.</summary>
    public async Task<bool> SaveAsync(Subscriber subscriber, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        subscriber.UpdatedAt = Now;
        if (subscriber.Id == 0)
        {
            subscriber.CreatedAt = subscriber.CreatedAt == default ? Now : subscriber.CreatedAt;
            db.Subscribers.Add(subscriber);
        }
        else
        {
            db.Subscribers.Update(subscriber);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <summary>Deletes the subscriber with this address and their delivery history; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string email, CancellationToken cancellationToken)
    {
        var key = SubscriberRules.Key(email);
        await using var db = contexts.CreateDbContext();
        return await db.Subscribers.Where(s => s.EmailKey == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Stops mail to the subscriber now (the person's own choice: configuration no longer manages the row).</summary>
    public async Task<bool> UnsubscribeAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        return await db.Subscribers.Where(s => s.Id == id && s.Status != SubscriberStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Unsubscribed).SetProperty(x => x.UnsubscribedAt, now)
                .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.ManagedByConfiguration, false), cancellationToken) > 0;
    }

    /// <summary>Records an accepted delivery for each of <paramref name="ids"/>: their bounce counts start again (one statement).</summary>
    public async Task ResetBouncesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var db = contexts.CreateDbContext();
        await db.Subscribers.Where(s => ids.Contains(s.Id) && s.ConsecutiveBounces > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveBounces, 0), cancellationToken);
    }

    /// <summary>Records a permanent refusal; at <paramref name="limit"/> in a row the subscriber becomes <c>bouncing</c>. Returns the new status.</summary>
    public async Task<SubscriberStatus> RecordBounceAsync(long id, string error, int limit, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var now = Now;
        var message = error.Length > 500 ? error[..500] : error;
        await db.Subscribers.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConsecutiveBounces, x => x.ConsecutiveBounces + 1)
                .SetProperty(x => x.LastBounceAt, now).SetProperty(x => x.LastBounceError, message), cancellationToken);
        await db.Subscribers.Where(s => s.Id == id && s.Status == SubscriberStatus.Active && s.ConsecutiveBounces >= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriberStatus.Bouncing).SetProperty(x => x.UpdatedAt, now), cancellationToken);
        return await db.Subscribers.Where(s => s.Id == id).Select(s => s.Status).FirstAsync(cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
