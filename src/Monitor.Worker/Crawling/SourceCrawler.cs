using System.Diagnostics;
using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;
using Monitor.Worker.Documents;
using Monitor.Worker.Extraction;
using Monitor.Worker.Fetching;
using Monitor.Worker.Items;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Crawling;

/// <summary>
/// Crawls sources in three steps that <see cref="CrawlRunner"/> overlaps across sources: <see cref="FetchAsync"/> (I/O:
/// the source document, the lookup of known items, the new items' pages), <see cref="BuildAsync"/> (CPU: extraction,
/// classification) and <see cref="StoreAsync"/> (one transaction for a group of sources). Each step is a per-source
/// boundary: whatever happens is recorded on the source's state and becomes its <see cref="CrawlOutcome"/>; one
/// source's failure never reaches the others.
/// </summary>
public sealed class SourceCrawler(
    PageFetcher fetcher,
    ArticlePages pages,
    LargeDocumentGate gate,
    SourceReader reader,
    SourceCatalog catalog,
    AnnouncementStore announcements,
    SourceStateStore states,
    RobotsCache robots,
    LlmRefiner refiner,
    Observability.MonitorMetrics metrics,
    IOptions<CrawlingOptions> options,
    TimeProvider time,
    ILogger<SourceCrawler> logger)
{
    /// <summary>Crawls <paramref name="source"/> alone; <paramref name="force"/> ignores backoff and the failure limit.</summary>
    public async Task<CrawlOutcome> CrawlAsync(SourceDefinition source, bool force, CancellationToken cancellationToken)
    {
        await robots.EnsureLoadedAsync(cancellationToken);
        var state = await states.GetAsync(source.Id, cancellationToken);
        var work = await FetchAsync(source, state, force, cancellationToken);
        await BuildAsync(work, cancellationToken);
        var outcome = (await StoreAsync([work], cancellationToken))[0];
        await robots.SaveAsync(CancellationToken.None);
        return outcome;
    }

    /// <summary>Fetches and reads the source, looks up which items are known, and fetches the new items' pages.</summary>
    internal async Task<SourceWork> FetchAsync(SourceDefinition source, SourceState state, bool force, CancellationToken cancellationToken)
    {
        var work = new SourceWork(source, state);
        var now = time.GetUtcNow().UtcDateTime;
        if (!force && state.NextAttemptAt > now)
        {
            work.Finished = Outcome(work, "skipped", $"backing off until {state.NextAttemptAt:u}");
            return work;
        }

        if (!force && state.ConsecutiveFailures >= options.Value.MaxConsecutiveFailures)
        {
            work.Finished = Outcome(work, "skipped", $"disabled after {state.ConsecutiveFailures} consecutive failures: {state.LastError}");
            return work;
        }

        state.LastAttemptAt = now;
        await GuardAsync(work, () => FetchCoreAsync(work, cancellationToken), cancellationToken);
        return work;
    }

    private async Task FetchCoreAsync(SourceWork work, CancellationToken cancellationToken)
    {
        var read = await FetchAndReadAsync(work, cancellationToken);
        if (read is null)
        {
            return;
        }

        var (source, cap) = (work.Source, options.Value.MaxNewItemsPerRun);
        var items = ItemKey.Deduplicate(read.Items.Where(i => i.Link is not null).ToList());
        var keyed = items
            .Select(i => (Item: i, Url: UrlCanonicalizer.Canonicalize(i.Link!), KeyHash: AnnouncementBuilder.Hash(ItemKey.For(i))))
            .Select(x => (x.Item, x.Url, UrlHash: AnnouncementBuilder.Hash(x.Url.AbsoluteUri), x.KeyHash))
            .ToList();
        var known = await announcements.FindKnownAsync(source.Id, keyed.Select(k => k.UrlHash).ToList(), keyed.Select(k => k.KeyHash).ToList(), cancellationToken);
        var byUrl = known.ToDictionary(k => k.UrlHash, StringComparer.Ordinal);
        var byKey = known.GroupBy(k => k.ItemKeyHash, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var fresh = new List<(Uri Url, Items.ParsedItem Item)>();
        var changed = new List<PendingItem>();
        foreach (var (item, url, urlHash, keyHash) in keyed)
        {
            var match = byUrl.GetValueOrDefault(urlHash) ?? byKey.GetValueOrDefault(keyHash);
            if (match is null)
            {
                fresh.Add((url, item));
            }
            else if (match.FeedHash is { } stored && stored != AnnouncementBuilder.FeedHash(item) && match.UrlHash == urlHash)
            {
                // The source edited an item we have: read it again and see whether the text changed materially.
                changed.Add(new PendingItem(item, url, match, null));
            }
        }

        var taken = fresh.OrderByDescending(f => f.Item.Published ?? DateTimeOffset.MinValue).Take(cap)
            .Select(f => new PendingItem(f.Item, f.Url, null, null))
            .Concat(changed.Take(cap))
            .ToList();
        work.ItemsSeen = items.Count;
        work.Note = read.Note;
        work.LeftOver = Math.Max(0, fresh.Count - cap) + Math.Max(0, changed.Count - cap);
        work.Pending.AddRange(await pages.FetchAsync(work.Source, taken, cancellationToken));
    }

    /// <summary>
    /// Fetches and reads the source document; null when that ends the crawl (304, rate limit, failure). Only the
    /// validators are kept: the document's bytes are let go before the new items' pages are fetched (a 10 MB body held
    /// all that time is memory other sources could use).
    /// </summary>
    private async Task<SourceReadResult?> FetchAndReadAsync(SourceWork work, CancellationToken cancellationToken)
    {
        var (source, state) = (work.Source, work.State);
        var result = await fetcher.FetchAsync(source.Url, new FetchValidators(state.ETag, state.LastModified), cancellationToken);
        switch (result)
        {
            case FetchResult.NotModified:
                Succeed(state, "not-modified");
                work.Finished = Outcome(work, "not-modified", null);
                return null;
            case FetchResult.RateLimited limited:
                var wait = limited.RetryAfter is { } retry && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(30);
                state.LastOutcome = "rate-limited";
                state.LastError = $"rate limited; retry after {wait}";
                state.NextAttemptAt = time.GetUtcNow().UtcDateTime + wait;
                work.Finished = Outcome(work, "rate-limited", state.LastError);
                return null;
            case FetchResult.Failed failed:
                work.Finished = Fail(work, failed.Reason);
                return null;
        }

        var document = (FetchResult.Ok)result;
        var cap = options.Value.MaxNewItemsPerRun;
        var context = new SourceReadContext(state.LastSuccessAt is null, state.LastSuccessAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null, cap * 2);
        work.Validators = new FetchValidators(document.ETag, document.LastModified);
        var reading = Stopwatch.StartNew();
        var read = await reader.ReadAsync(source, document, context, cancellationToken);
        work.ReadElapsed = reading.Elapsed;
        return read;
    }

    /// <summary>Extracts and classifies the fetched items (CPU; the optional LLM second opinion is the only I/O).</summary>
    internal async Task BuildAsync(SourceWork work, CancellationToken cancellationToken)
    {
        if (work.Finished is not null)
        {
            return;
        }

        await GuardAsync(work, async () =>
        {
            var classifier = catalog.Classifier;
            foreach (var pending in work.Pending)
            {
                var article = pending.Page is { } page ? await ExtractAsync(work.Source, page, cancellationToken) : null;
                var announcement = AnnouncementBuilder.Build(work.Source, pending.Item, pending.Url, article, classifier, time.GetUtcNow().UtcDateTime);

                // Off by default; when on, only items near the threshold are sent, and any failure keeps the local verdict.
                var verdict = AnnouncementBuilder.VerdictOf(announcement);
                var refined = await refiner.RefineAsync(AnnouncementBuilder.InputOf(announcement, work.Source), verdict, classifier.DigestThreshold, cancellationToken);
                if (!ReferenceEquals(refined, verdict))
                {
                    AnnouncementBuilder.Apply(announcement, refined);
                }

                if (pending.Known is { } known)
                {
                    work.Revisions.Add(new AnnouncementRevision(known.Id, announcement, AnnouncementBuilder.ChangedMaterially(known.Title, known.SimHash, announcement)));
                }
                else
                {
                    AnnouncementStore.Prepare(announcement);
                    work.Fresh.Add(announcement);
                }
            }

            work.Pending.Clear();
        }, cancellationToken);
    }

    /// <summary>Holds the archive index rows of the items stored back until the scope ends (see <see cref="AnnouncementStore.DeferArchiveIndex"/>).</summary>
    internal IAsyncDisposable DeferArchiveIndex() => announcements.DeferArchiveIndex();

    /// <summary>Writes the archive rows a killed process held back (see <see cref="AnnouncementStore.CatchUpArchiveIndexAsync"/>).</summary>
    internal Task<int> CatchUpArchiveIndexAsync(CancellationToken cancellationToken) => announcements.CatchUpArchiveIndexAsync(cancellationToken);

    /// <summary>Stores the built items of <paramref name="group"/> and every source's state in one transaction; the outcomes.</summary>
    internal async Task<CrawlOutcome[]> StoreAsync(IReadOnlyList<SourceWork> group, CancellationToken cancellationToken)
    {
        try
        {
            var fresh = group.SelectMany(w => w.Fresh).ToList();
            var revisions = group.SelectMany(w => w.Revisions).ToList();
            await announcements.StoreAsync(fresh, revisions, () => group.Select(Complete).Where(w => w.Finished!.Status != "skipped").Select(w => w.State).ToList(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The store is one boundary for the group: each source records the failure (its items come back next run).
            logger.LogError(ex, "Storing the crawl of {Count} sources failed", group.Count);
            foreach (var work in group)
            {
                work.Finished = Fail(work, $"storage failed: {ex.GetType().Name}: {ex.Message}");
                await SaveStateQuietlyAsync(work.State);
            }
        }

        foreach (var work in group)
        {
            Record(work, work.Finished!);
        }

        return group.Select(w => w.Finished!).ToArray();
    }

    // Sets the outcome and state of a source whose items were just inserted (or that ended early).
    private SourceWork Complete(SourceWork work)
    {
        if (work.Finished is not null)
        {
            return work;
        }

        var stored = work.Fresh.Count(a => a.Id != 0);
        var updated = work.Revisions.Count(r => r.Material);
        var state = work.State;

        // Keep the validators only when every new item was taken: otherwise a 304 next time would hide the rest.
        if (work.LeftOver == 0)
        {
            state.ETag = work.Validators!.ETag;
            state.LastModified = work.Validators.LastModified;
        }

        state.ItemsStored += stored;
        Succeed(state, "ok");
        var note = work.LeftOver > 0 ? $"{work.LeftOver} new items left for the next run" : work.Note;
        if (updated > 0)
        {
            note = string.Join("; ", new[] { note, $"{updated} updated" }.Where(n => n is not null));
        }

        work.Finished = new CrawlOutcome(work.Source.Id, "ok", work.ItemsSeen, stored, work.Fresh.Count(a => a.Id != 0 && a.Relevant), note, work.Clock.Elapsed, work.ReadElapsed);
        return work;
    }

    private async Task GuardAsync(SourceWork work, Func<Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SourceReadException ex)
        {
            work.Finished = Fail(work, ex.Message);
        }
        catch (Exception ex)
        {
            // The per-source boundary (STYLE rule 8): a bug met on one source's data is recorded, not spread to the run.
            logger.LogError(ex, "Unexpected error crawling {SourceId} {Url}", work.Source.Id, work.Source.Url);
            work.Finished = Fail(work, $"unexpected error: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Extracts an article page within the document budget; a page over budget keeps the feed's data, like a failed fetch.</summary>
    private async Task<ExtractedArticle?> ExtractAsync(SourceDefinition source, FetchResult.Ok page, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(page.Body.Length, cancellationToken);
        try
        {
            return DocumentBudget.Run("extraction", TimeSpan.FromSeconds(options.Value.DocumentBudgetSeconds),
                token => ArticleExtractor.Extract(page.Body, page.FinalUri, page.Charset, time.GetUtcNow(), token), cancellationToken);
        }
        catch (DocumentBudgetException ex)
        {
            logger.LogDebug("Article page not extracted for {SourceId} {Url}: {Reason}", source.Id, page.FinalUri, ex.Message);
            return null;
        }
    }

    private async Task SaveStateQuietlyAsync(SourceState state)
    {
        try
        {
            await states.SaveAsync(state, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not record the state of {SourceId}", state.SourceId);
        }
    }

    // Logs, metrics and a trace span (from the start of the source's fetch to its store) for one source's outcome.
    private void Record(SourceWork work, CrawlOutcome outcome)
    {
        metrics.Crawled(outcome);
        foreach (var announcement in work.Fresh.Where(a => a.Id != 0))
        {
            metrics.Stored(announcement.Topics, announcement.Relevant, openedStory: announcement.Story is not null);
        }

        using (var activity = Observability.MonitorTracing.Source.StartActivity("crawl source", ActivityKind.Internal, parentContext: default, startTime: time.GetUtcNow() - work.Clock.Elapsed))
        {
            activity?.SetTag("monitor.source", work.Source.Id);
            activity?.SetTag("monitor.outcome", outcome.Status);
            activity?.SetTag("monitor.items.new", outcome.ItemsNew);
        }

        if (outcome.Status == "failed")
        {
            logger.LogWarning("Crawl failed for {SourceId} {Url}: {Reason}", work.Source.Id, work.Source.Url, outcome.Message);
        }
        else
        {
            logger.LogInformation("Crawled {SourceId}: {Status}, {ItemsSeen} items, {ItemsNew} new, {ItemsRelevant} relevant in {ElapsedMs} ms (reading the document {ReadMs} ms)",
                work.Source.Id, outcome.Status, outcome.ItemsSeen, outcome.ItemsNew, outcome.ItemsRelevant, (long)outcome.Elapsed.TotalMilliseconds, (long)(outcome.ReadElapsed?.TotalMilliseconds ?? 0));
        }
    }

    private static CrawlOutcome Outcome(SourceWork work, string status, string? message) =>
        new(work.Source.Id, status, 0, 0, 0, message, work.Clock.Elapsed);

    private void Succeed(SourceState state, string outcome)
    {
        state.LastOutcome = outcome;
        state.LastSuccessAt = time.GetUtcNow().UtcDateTime;
        state.ConsecutiveFailures = 0;
        state.LastError = null;
        state.NextAttemptAt = null;
    }

    private CrawlOutcome Fail(SourceWork work, string reason)
    {
        var state = work.State;
        state.LastOutcome = "failed";
        state.ConsecutiveFailures++;
        state.LastError = reason.Length > 2000 ? reason[..2000] : reason;

        // Exponential backoff from 5 minutes, at most a day.
        var minutes = Math.Min(5 * Math.Pow(2, state.ConsecutiveFailures - 1), 24 * 60);
        state.NextAttemptAt = time.GetUtcNow().UtcDateTime.AddMinutes(minutes);
        return Outcome(work, "failed", reason);
    }
}
