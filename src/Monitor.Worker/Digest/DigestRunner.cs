using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Digest;

/// <summary>
/// Composes and sends the digests that are due. Work is done per page of subscribers: one query for the page, two for
/// its ledger state, one insert for its deliveries, one SMTP connection, one update for what was sent; the pool of recent
/// announcements is read once per run. Each digest is recorded in the ledger (with its items) before it is sent and marked
/// sent only after the server accepted it, so a crash or a second worker never sends one twice, and an announcement left
/// out by a failure is sent next time.
/// </summary>
public sealed class DigestRunner(
    DeliveryLedger ledger,
    SubscriberStore subscribers,
    MailTemplateProvider templates,
    DigestSender sender,
    SourceCatalog catalog,
    SubscriptionLinks links,
    Observability.MonitorMetrics metrics,
    IOptions<DigestOptions> options,
    IOptions<SubscriptionOptions> subscriptionOptions,
    IOptions<SmtpOptions> smtpOptions,
    TimeProvider time,
    ILogger<DigestRunner> logger)
{
    /// <summary>How far back a digest looks for announcements not yet sent.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(30);

    /// <summary>Runs once; <paramref name="dryRun"/> composes without recording or sending; <paramref name="onlyTo"/> limits it
    /// to one subscriber and ignores their send hour.</summary>
    public async Task<DigestRunReport> RunAsync(bool dryRun, string? onlyTo, CancellationToken cancellationToken, IProgress<DigestRunResult>? progress = null)
    {
        using var activity = Observability.MonitorTracing.Source.StartActivity("digest run");
        activity?.SetTag("monitor.dry_run", dryRun);
        var now = time.GetUtcNow();
        var since = (now - Lookback).UtcDateTime;
        var pool = (await ledger.LoadPoolAsync(since, cancellationToken)).Select(DigestCandidate.From).ToList();
        var poolStories = pool.Where(c => c.Announcement.StoryId is not null).Select(c => c.Announcement.StoryId!.Value).Distinct().ToList();
        var olderMates = await ledger.LoadStoryMatesAsync(poolStories, since, cancellationToken);
        var run = new Run(now, since, pool, olderMates, dryRun, onlyTo is not null, new DigestComposer(templates.Current)) { Progress = progress };

        var channel = Channel.CreateBounded<Batch>(new BoundedChannelOptions(2) { SingleWriter = true });
        var consumers = Enumerable.Range(0, dryRun ? 0 : smtpOptions.Value.Connections)
            .Select(_ => Task.Run(() => SendBatchesAsync(channel.Reader, run, cancellationToken), CancellationToken.None))
            .ToList();
        try
        {
            await foreach (var page in PagesAsync(onlyTo, cancellationToken))
            {
                var batch = await PrepareAsync(page, run, cancellationToken);
                if (batch.Entries.Count > 0)
                {
                    await channel.Writer.WriteAsync(batch, cancellationToken);
                }
            }
        }
        finally
        {
            channel.Writer.Complete();
            await Task.WhenAll(consumers);
        }

        var results = run.Results.ToList();
        if (!dryRun)
        {
            foreach (var result in results)
            {
                metrics.Digest(result.Status);
            }
        }

        activity?.SetTag("monitor.digests.sent", results.Count(r => r.Status == "sent"));
        return new DigestRunReport(results, run.Previews.ToList());
    }

    private async IAsyncEnumerable<List<Subscriber>> PagesAsync(string? onlyTo, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (onlyTo is not null)
        {
            if (await subscribers.FindAsync(onlyTo, cancellationToken) is { } one)
            {
                yield return [one];
            }

            yield break;
        }

        long after = 0;
        while (true)
        {
            var page = await subscribers.PageAsync(SubscriberStatus.Active, after, options.Value.BatchSize, cancellationToken);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            after = page[^1].Id;
        }
    }

    private async Task<Batch> PrepareAsync(List<Subscriber> page, Run run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var batch = new Batch();
        var due = new List<(Subscriber Subscriber, DigestPeriod Period)>();
        foreach (var subscriber in page)
        {
            var period = DigestPeriod.For(subscriber, run.Now);
            if (subscriber.Status != SubscriberStatus.Active && !run.DryRun)
            {
                run.Add(new DigestRunResult(subscriber.Email, period.Key, "not-active", 0, $"status {subscriber.Status.ToString().ToLowerInvariant()}"));
            }
            else if (!period.IsDue && !run.OneSubscriber)
            {
                run.Add(new DigestRunResult(subscriber.Email, period.Key, "not-due", 0, $"due from {subscriber.SendHour}:00 {subscriber.TimeZone}"));
            }
            else
            {
                due.Add((subscriber, period));
            }
        }

        if (due.Count == 0)
        {
            return batch;
        }

        var state = await ledger.LoadPageAsync(due.Select(d => d.Subscriber.Id).ToList(), due.Select(d => d.Period.Key).Distinct().ToList(),
            run.Since - Storage.AnnouncementStore.StoryWindow, cancellationToken);
        var resend = new List<(Subscriber Subscriber, DigestPeriod Period, DigestDelivery Delivery)>();
        var requests = new List<(Subscriber Subscriber, DigestPeriod Period, List<DigestCandidate> Items)>();
        foreach (var (subscriber, period) in due)
        {
            var existing = run.DryRun ? null : state.Find(subscriber.Id, period.Key);
            if (existing is not null)
            {
                if (existing.State == DeliveryState.Sent)
                {
                    run.Add(new DigestRunResult(subscriber.Email, period.Key, "already-sent", 0));
                }
                else if (existing.State == DeliveryState.GivenUp || existing.Attempts >= settings.MaxAttempts)
                {
                    run.Add(new DigestRunResult(subscriber.Email, period.Key, "given-up", 0, existing.LastError));
                }
                else
                {
                    // Recorded by a run that crashed or failed to send: send exactly what it recorded, with its Message-ID.
                    resend.Add((subscriber, period, existing));
                }

                continue;
            }

            var filter = SubscriberFilter.For(subscriber, settings.MinScore, subscriptionOptions.Value.InstantMinScore);
            var chosen = DigestSelection.Choose(run.Pool, filter, state.HistoryOf(subscriber.Id), settings.MaxItems);
            if (chosen.Count == 0 && !settings.SendEmpty)
            {
                run.Add(new DigestRunResult(subscriber.Email, period.Key, "nothing-new", 0));
                continue;
            }

            if (run.DryRun)
            {
                var message = Compose(run, subscriber, period, $"preview.{subscriber.Id}@{links.Host}", Entries(chosen, run));
                run.Previews.Enqueue(message);
                run.Add(new DigestRunResult(subscriber.Email, period.Key, "dry-run", Entries(chosen, run).Count));
                continue;
            }

            requests.Add((subscriber, period, chosen));
        }

        var created = await ledger.CreateAsync(requests.Select(r => new DeliveryRequest(r.Subscriber.Id, r.Period.Key, r.Items.Select(i => i.Id).ToList())).ToList(),
            links.Host, cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            var (subscriber, period, items) = requests[i];
            if (created[i] is not { } delivery)
            {
                run.Add(new DigestRunResult(subscriber.Email, period.Key, "already-sent", 0, "recorded by another run"));
                continue;
            }

            var entries = Entries(items, run);
            batch.Add(delivery, subscriber, period, entries);
        }

        if (resend.Count > 0)
        {
            var itemIds = await ledger.LoadItemIdsAsync(resend.Select(r => r.Delivery.Id).ToList(), cancellationToken);
            var missing = itemIds.Values.SelectMany(v => v).Where(id => !run.PoolById.ContainsKey(id)).Distinct().ToList();
            var loaded = (await ledger.LoadAnnouncementsAsync(missing, cancellationToken)).Select(DigestCandidate.From).ToDictionary(c => c.Id);
            foreach (var (subscriber, period, delivery) in resend)
            {
                var items = itemIds.GetValueOrDefault(delivery.Id, [])
                    .Select(id => run.PoolById.GetValueOrDefault(id) ?? loaded.GetValueOrDefault(id)).OfType<DigestCandidate>().ToList();
                var entries = Entries(items, run);
                batch.Add(delivery, subscriber, period, entries);
            }
        }

        return batch;
    }

    private async Task SendBatchesAsync(ChannelReader<Batch> reader, Run run, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await foreach (var batch in reader.ReadAllAsync(CancellationToken.None))
        {
            IReadOnlyList<SendResult> sent;
            try
            {
                // Each message is composed on this sending thread just before it goes out: a page never holds all its messages.
                // Each accepted message is recorded as soon as the server answered, before the next is sent: a process
                // killed mid-batch leaves at most one digest accepted but not marked sent (sent again, same Message-ID).
                await using var marker = await ledger.OpenSentMarkerAsync(cancellationToken);
                sent = await sender.SendAsync(batch.Entries.Count,
                    i => Compose(run, batch.Entries[i].Subscriber, batch.Entries[i].Period, batch.Entries[i].Delivery.MessageId, batch.Entries[i].Items), cancellationToken,
                    (i, result) => result.Sent ? marker.MarkAsync(batch.Entries[i].Delivery.Id) : Task.CompletedTask);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the rows stay pending and the next run sends them with the same Message-ID.
                continue;
            }

            var sentSubscribers = new List<long>();
            for (var i = 0; i < batch.Entries.Count; i++)
            {
                var (delivery, subscriber, periodOf, items) = batch.Entries[i];
                var period = periodOf.Key;
                var count = items.Count;
                if (sent[i].Sent)
                {
                    sentSubscribers.Add(subscriber.Id);
                    run.Add(new DigestRunResult(subscriber.Email, period, "sent", count));
                    continue;
                }

                var giveUp = sent[i].Permanent || delivery.Attempts + 1 >= settings.MaxAttempts;
                await ledger.MarkFailedAsync(delivery.Id, sent[i].Error ?? "unknown error", giveUp, CancellationToken.None);
                var status = "failed";
                if (sent[i].Bounce)
                {
                    var now = await subscribers.RecordBounceAsync(subscriber.Id, sent[i].Error ?? "refused", subscriptionOptions.Value.BounceLimit, CancellationToken.None);
                    status = "bounced";
                    if (now == SubscriberStatus.Bouncing)
                    {
                        logger.LogWarning("Subscriber {SubscriberId} is now bouncing: {Reason}", subscriber.Id, sent[i].Error);
                    }
                }
                else if (giveUp)
                {
                    status = "given-up";
                }

                logger.LogWarning("Digest {DigestRunId} for subscriber {SubscriberId} ({Period}) failed: {Reason}", delivery.Id, subscriber.Id, period, sent[i].Error);
                run.Add(new DigestRunResult(subscriber.Email, period, status, count, sent[i].Error));
            }

            await subscribers.ResetBouncesAsync(sentSubscribers, CancellationToken.None);
        }
    }

    private List<DigestEntry> Entries(IReadOnlyList<DigestCandidate> items, Run run) =>
        DigestSelection.Entries(items, run.Mates, catalog.Find);

    private MimeMessage Compose(Run run, Subscriber subscriber, DigestPeriod period, string messageId, IReadOnlyList<DigestEntry> entries) =>
        run.Composer.Compose(new DigestContent(
            subscriber.Email, subscriber.Name, options.Value.From, options.Value.FromName, period.Label, messageId, entries,
            DigestPeriod.Zone(subscriber.TimeZone))
        {
            Links = subscriber.Id > 0 ? links.Manage(subscriber) : null,
            ListId = links.ListId,
            Reason = SubscriptionDescription.Reason(subscriber),
            Frequency = subscriber.Frequency,
        });

    private sealed class Run(DateTimeOffset now, DateTime since, List<DigestCandidate> pool, List<Announcement> olderMates, bool dryRun, bool oneSubscriber, DigestComposer composer)
    {
        public DigestComposer Composer { get; } = composer;

        public DateTimeOffset Now { get; } = now;

        public DateTime Since { get; } = since;

        public List<DigestCandidate> Pool { get; } = pool;

        public Dictionary<long, DigestCandidate> PoolById { get; } = pool.ToDictionary(c => c.Id);

        /// <summary>Source ids of every announcement of each story (pool and older), by story.</summary>
        public ILookup<long, string> Mates { get; } = pool.Select(c => c.Announcement).Concat(olderMates)
            .Where(a => a.StoryId is not null).ToLookup(a => a.StoryId!.Value, a => a.SourceId);

        public bool DryRun { get; } = dryRun;

        public bool OneSubscriber { get; } = oneSubscriber;

        public ConcurrentQueue<DigestRunResult> Results { get; } = new();

        public IProgress<DigestRunResult>? Progress { get; init; }

        public void Add(DigestRunResult result)
        {
            Results.Enqueue(result);
            Progress?.Report(result);
        }

        public ConcurrentQueue<MimeMessage> Previews { get; } = new();
    }

    private sealed class Batch
    {
        public List<(DigestDelivery Delivery, Subscriber Subscriber, DigestPeriod Period, List<DigestEntry> Items)> Entries { get; } = [];

        public void Add(DigestDelivery delivery, Subscriber subscriber, DigestPeriod period, List<DigestEntry> items) =>
            Entries.Add((delivery, subscriber, period, items));
    }
}
