using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>
/// Composes and sends the digests that are due. Each digest is recorded in the ledger (with its items) before it is sent
/// and marked sent only after the server accepted it, so a crash or a second worker never sends one twice, and an
/// announcement left out by a failure is sent next time.
/// </summary>
public sealed class DigestRunner(
    DeliveryLedger ledger,
    DigestSender sender,
    SourceCatalog catalog,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>How far back a digest looks for announcements not yet sent.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(30);

    /// <summary>Runs once; <paramref name="dryRun"/> composes without recording or sending; <paramref name="onlyTo"/> limits it to one subscriber.</summary>
    public async Task<DigestRunReport> RunAsync(bool dryRun, string? onlyTo, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var results = new List<DigestRunResult>();
        var previews = new List<MimeMessage>();
        var queue = new List<(DigestDelivery Delivery, SubscriberOptions Subscriber, string Period, int Items, MimeMessage Message)>();

        foreach (var subscriber in settings.Subscribers)
        {
            if (onlyTo is not null && !string.Equals(subscriber.Email, onlyTo, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = subscriber.Email.Trim().ToLowerInvariant();
            var period = DigestPeriod.For(subscriber, now);
            if (!period.IsDue && onlyTo is null)
            {
                results.Add(new DigestRunResult(subscriber.Email, period.Key, "not-due", 0, $"due from {subscriber.SendHour}:00 {subscriber.TimeZone}"));
                continue;
            }

            var existing = dryRun ? null : await ledger.FindAsync(key, period.Key, cancellationToken);
            if (existing is not null)
            {
                if (existing.State == DeliveryState.Sent)
                {
                    results.Add(new DigestRunResult(subscriber.Email, period.Key, "already-sent", existing.Items.Count));
                }
                else if (existing.Items.Count == 0 || existing.Attempts >= settings.MaxAttempts)
                {
                    results.Add(new DigestRunResult(subscriber.Email, period.Key, "given-up", 0, existing.LastError));
                }
                else
                {
                    // A delivery recorded by a run that crashed or failed to send: send exactly what it recorded.
                    var (items, mates) = await ledger.LoadAsync(existing, cancellationToken);
                    var entries = DigestSelection.Entries(items, mates, SourceName);
                    queue.Add((existing, subscriber, period.Key, entries.Count, Compose(subscriber, period, existing.MessageId, entries)));
                }

                continue;
            }

            var candidates = await ledger.FindUndeliveredAsync(key, subscriber.MinScore ?? settings.MinScore, (now - Lookback).UtcDateTime, cancellationToken);
            var chosen = DigestSelection.Choose(candidates.Where(a => DigestSelection.Matches(a, subscriber)).ToList(), settings.MaxItems);
            if (chosen.Count == 0)
            {
                results.Add(new DigestRunResult(subscriber.Email, period.Key, "nothing-new", 0));
                continue;
            }

            if (dryRun)
            {
                var entries = DigestSelection.Entries(chosen, [], SourceName);
                previews.Add(Compose(subscriber, period, $"preview.{Guid.NewGuid():n}@monitor", entries));
                results.Add(new DigestRunResult(subscriber.Email, period.Key, "dry-run", entries.Count));
                continue;
            }

            var delivery = await ledger.CreateAsync(key, period.Key, chosen.Select(a => a.Id).ToList(), cancellationToken);
            if (delivery is null)
            {
                results.Add(new DigestRunResult(subscriber.Email, period.Key, "already-sent", 0, "recorded by another run"));
                continue;
            }

            var fresh = DigestSelection.Entries(chosen, [], SourceName);
            queue.Add((delivery, subscriber, period.Key, fresh.Count, Compose(subscriber, period, delivery.MessageId, fresh)));
        }

        // Each result is recorded as soon as the server answered, before the next message is sent: a process killed
        // mid-batch leaves at most one digest accepted but not marked sent (sent again, with the same Message-Id).
        await sender.SendAsync(queue.Select(q => q.Message).ToList(), cancellationToken, async (i, sent) =>
        {
            var (delivery, subscriber, period, count, _) = queue[i];
            if (sent.Sent)
            {
                await ledger.MarkSentAsync(delivery.Id, CancellationToken.None);
                results.Add(new DigestRunResult(subscriber.Email, period, "sent", count));
            }
            else
            {
                var giveUp = sent.Permanent || delivery.Attempts + 1 >= settings.MaxAttempts;
                await ledger.MarkFailedAsync(delivery.Id, sent.Error ?? "unknown error", giveUp, CancellationToken.None);
                logger.LogWarning("Digest for {Recipient} ({Period}) failed: {Reason}", subscriber.Email, period, sent.Error);
                results.Add(new DigestRunResult(subscriber.Email, period, giveUp ? "given-up" : "failed", count, sent.Error));
            }
        });

        return new DigestRunReport(results, previews);
    }

    private string SourceName(string sourceId) => catalog.Find(sourceId)?.DisplayName ?? sourceId;

    private MimeMessage Compose(SubscriberOptions subscriber, DigestPeriod period, string messageId, IReadOnlyList<DigestEntry> entries) =>
        DigestComposer.Compose(new DigestContent(
            subscriber.Email, subscriber.Name, options.Value.From, options.Value.FromName, period.Label, messageId, entries,
            TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc));
}
