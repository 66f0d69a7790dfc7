using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Subscriptions;

/// <summary>
/// Brings <c>Monitor:Digest:Subscribers</c> into the database at start (registered after the migrator), idempotently.
/// While a row follows configuration, configuration is the truth: a listed address is added (active, confirmed),
/// changed, or re-activated; one removed from the list is unsubscribed. Once the person changes their preferences or
/// unsubscribes through a link, the database wins and the row no longer follows configuration. Bouncing stays bouncing.
/// </summary>
public sealed class ConfiguredSubscriberImporter(MonitorDbContextFactory contexts, IOptions<DigestOptions> options, TimeProvider time,
    ILogger<ConfiguredSubscriberImporter> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => ImportAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies the configured list; returns (added, changed, removed). Replicas starting together import at the
    /// same moment: the one whose insert meets the other's row (a unique key) reads again and applies what is left.</summary>
    public async Task<(int Added, int Changed, int Removed)> ImportAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ImportOnceAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogDebug(ex, "Another replica imported configured subscribers at the same time; reading them again");
            return await ImportOnceAsync(cancellationToken);
        }
    }

    private async Task<(int Added, int Changed, int Removed)> ImportOnceAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Subscribers
            .GroupBy(s => SubscriberRules.Key(s.Email))
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var keys = configured.Keys.ToList();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var rows = await db.Subscribers.Where(s => s.ManagedByConfiguration || keys.Contains(s.EmailKey)).ToListAsync(cancellationToken);
        var byKey = rows.ToDictionary(r => r.EmailKey, StringComparer.Ordinal);
        int added = 0, changed = 0, removed = 0;
        foreach (var (key, entry) in configured)
        {
            var preferences = new SubscriberPreferences(
                entry.Topics.Select(t => t.Trim().ToLowerInvariant()).ToList(), entry.Countries.Select(c => c.Trim().ToUpperInvariant()).ToList(),
                entry.Languages.Select(l => l.Trim()).ToList(), entry.Frequency, entry.SendHour, entry.TimeZone, entry.MinScore);
            if (!byKey.TryGetValue(key, out var row))
            {
                row = new Subscriber
                {
                    Email = entry.Email.Trim(),
                    EmailKey = key,
                    Name = entry.Name,
                    Status = SubscriberStatus.Active,
                    Origin = SubscriberOrigin.Configuration,
                    ManagedByConfiguration = true,
                    TokenStamp = SubscriberRules.NewStamp(),
                    CreatedAt = now,
                    UpdatedAt = now,
                    ConfirmedAt = now,
                };
                SubscriberRules.Apply(row, preferences);
                db.Subscribers.Add(row);
                added++;
                continue;
            }

            if (!row.ManagedByConfiguration)
            {
                logger.LogDebug("Configured subscriber {SubscriberId} keeps the choices they made themselves", row.Id);
                continue;
            }

            var reactivate = row.Status is SubscriberStatus.Unsubscribed or SubscriberStatus.Pending;
            if (reactivate || !SubscriberRules.Same(row, preferences) || row.Name != entry.Name)
            {
                SubscriberRules.Apply(row, preferences);
                row.Name = entry.Name;
                if (reactivate)
                {
                    row.Status = SubscriberStatus.Active;
                    row.ConfirmedAt ??= now;
                    row.UnsubscribedAt = null;
                }

                row.UpdatedAt = now;
                changed++;
            }
        }

        foreach (var row in rows.Where(r => r.ManagedByConfiguration && !configured.ContainsKey(r.EmailKey) && r.Status != SubscriberStatus.Unsubscribed))
        {
            row.Status = SubscriberStatus.Unsubscribed;
            row.UnsubscribedAt = now;
            row.UpdatedAt = now;
            removed++;
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added + changed + removed > 0)
        {
            logger.LogInformation("Configured subscribers imported: {Added} added, {Changed} changed, {Removed} removed", added, changed, removed);
        }

        return (added, changed, removed);
    }
}
