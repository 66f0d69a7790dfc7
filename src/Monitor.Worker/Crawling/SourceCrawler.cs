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
/// Crawls one source. This is the per-source boundary: whatever happens is recorded on the source's state and returned
/// as a <see cref="CrawlOutcome"/>; one source's failure never reaches the others.
/// </summary>
public sealed class SourceCrawler(
    PageFetcher fetcher,
    LargeDocumentGate gate,
    SourceReader reader,
    SourceCatalog catalog,
    AnnouncementStore announcements,
    SourceStateStore states,
    LlmRefiner refiner,
    IOptions<CrawlingOptions> options,
    TimeProvider time,
    ILogger<SourceCrawler> logger)
{
    /// <summary>Crawls <paramref name="source"/>; <paramref name="force"/> ignores backoff and the failure limit.</summary>
    public async Task<CrawlOutcome> CrawlAsync(SourceDefinition source, bool force, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var state = await states.GetAsync(source.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (!force && state.NextAttemptAt > now)
        {
            return new CrawlOutcome(source.Id, "skipped", 0, 0, 0, $"backing off until {state.NextAttemptAt:u}", clock.Elapsed);
        }

        if (!force && state.ConsecutiveFailures >= options.Value.MaxConsecutiveFailures)
        {
            return new CrawlOutcome(source.Id, "skipped", 0, 0, 0, $"disabled after {state.ConsecutiveFailures} consecutive failures: {state.LastError}", clock.Elapsed);
        }

        state.LastAttemptAt = now;
        CrawlOutcome outcome;
        try
        {
            outcome = await CrawlCoreAsync(source, state, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SourceReadException ex)
        {
            outcome = Fail(source, state, ex.Message, clock);
        }
        catch (Exception ex)
        {
            // The per-source boundary (STYLE rule 8): a bug met on one source's data is recorded, not spread to the run.
            logger.LogError(ex, "Unexpected error crawling {SourceId} {Url}", source.Id, source.Url);
            outcome = Fail(source, state, $"unexpected error: {ex.GetType().Name}: {ex.Message}", clock);
        }

        await states.SaveAsync(state, CancellationToken.None);
        if (outcome.Status == "failed")
        {
            logger.LogWarning("Crawl failed for {SourceId} {Url}: {Reason}", source.Id, source.Url, outcome.Message);
        }
        else
        {
            logger.LogInformation("Crawled {SourceId}: {Status}, {ItemsSeen} items, {ItemsNew} new, {ItemsRelevant} relevant in {ElapsedMs} ms (reading the document {ReadMs} ms)",
                source.Id, outcome.Status, outcome.ItemsSeen, outcome.ItemsNew, outcome.ItemsRelevant, (long)outcome.Elapsed.TotalMilliseconds, (long)(outcome.ReadElapsed?.TotalMilliseconds ?? 0));
        }

        return outcome;
    }

    private async Task<CrawlOutcome> CrawlCoreAsync(SourceDefinition source, SourceState state, Stopwatch clock, CancellationToken cancellationToken)
    {
        var (early, read, validators, reading) = await FetchAndReadAsync(source, state, clock, cancellationToken);
        if (early is not null)
        {
            return early;
        }

        var items = ItemKey.Deduplicate(read!.Items.Where(i => i.Link is not null).ToList());
        var keyed = items
            .Select(i => (Item: i, Url: UrlCanonicalizer.Canonicalize(i.Link!), KeyHash: AnnouncementBuilder.Hash(ItemKey.For(i))))
            .Select(x => (x.Item, x.Url, UrlHash: AnnouncementBuilder.Hash(x.Url.AbsoluteUri), x.KeyHash))
            .ToList();
        var known = await announcements.FindKnownAsync(source.Id, keyed.Select(k => k.UrlHash).ToList(), keyed.Select(k => k.KeyHash).ToList(), cancellationToken);
        var fresh = keyed.Where(k => !known.Contains(k.UrlHash) && !known.Contains(k.KeyHash))
            .OrderByDescending(k => k.Item.Published ?? DateTimeOffset.MinValue)
            .ToList();

        var cap = options.Value.MaxNewItemsPerRun;
        var stored = 0;
        var relevant = 0;
        foreach (var entry in fresh.Take(cap))
        {
            var article = await ExtractAsync(source, entry.Item, entry.Url, cancellationToken);
            var classifier = catalog.Classifier;
            var announcement = AnnouncementBuilder.Build(source, entry.Item, entry.Url, article, classifier, time.GetUtcNow().UtcDateTime);

            // Off by default; when on, only items near the threshold are sent, and any failure keeps the local verdict.
            var verdict = AnnouncementBuilder.VerdictOf(announcement);
            var refined = await refiner.RefineAsync(AnnouncementBuilder.InputOf(announcement, source), verdict, classifier.DigestThreshold, cancellationToken);
            if (!ReferenceEquals(refined, verdict))
            {
                AnnouncementBuilder.Apply(announcement, refined);
            }

            if (await announcements.AddAsync(announcement, cancellationToken))
            {
                stored++;
                relevant += announcement.Relevant ? 1 : 0;
            }
        }

        // Keep the validators only when every new item was taken: otherwise a 304 next time would hide the rest.
        if (fresh.Count <= cap)
        {
            state.ETag = validators!.ETag;
            state.LastModified = validators.LastModified;
        }

        state.ItemsStored += stored;
        Succeed(state, "ok");
        var note = fresh.Count > cap ? $"{fresh.Count - cap} new items left for the next run" : read.Note;
        return new CrawlOutcome(source.Id, "ok", items.Count, stored, relevant, note, clock.Elapsed, reading);
    }

    /// <summary>
    /// Fetches and reads the source document: an outcome when that ends the crawl (304, rate limit, failure), else the
    /// items read and the validators to keep. The document's bytes are not kept past this method: items are fetched
    /// and extracted afterwards, and a 10 MB body held all that time is memory other sources could use.
    /// </summary>
    private async Task<(CrawlOutcome? Early, SourceReadResult? Read, FetchValidators? Validators, TimeSpan Reading)> FetchAndReadAsync(
        SourceDefinition source, SourceState state, Stopwatch clock, CancellationToken cancellationToken)
    {
        var result = await fetcher.FetchAsync(source.Url, new FetchValidators(state.ETag, state.LastModified), cancellationToken);
        switch (result)
        {
            case FetchResult.NotModified:
                Succeed(state, "not-modified");
                return (new CrawlOutcome(source.Id, "not-modified", 0, 0, 0, null, clock.Elapsed), null, null, TimeSpan.Zero);
            case FetchResult.RateLimited limited:
                var wait = limited.RetryAfter is { } retry && retry > TimeSpan.Zero ? retry : TimeSpan.FromMinutes(30);
                state.LastOutcome = "rate-limited";
                state.LastError = $"rate limited; retry after {wait}";
                state.NextAttemptAt = time.GetUtcNow().UtcDateTime + wait;
                return (new CrawlOutcome(source.Id, "rate-limited", 0, 0, 0, state.LastError, clock.Elapsed), null, null, TimeSpan.Zero);
            case FetchResult.Failed failed:
                return (Fail(source, state, failed.Reason, clock), null, null, TimeSpan.Zero);
        }

        var document = (FetchResult.Ok)result;
        var context = new SourceReadContext(state.LastSuccessAt is null, state.LastSuccessAt is { } last ? new DateTimeOffset(last, TimeSpan.Zero) : null, options.Value.MaxNewItemsPerRun * 2);
        var reading = Stopwatch.StartNew();
        var read = await reader.ReadAsync(source, document, context, cancellationToken);
        return (null, read, new FetchValidators(document.ETag, document.LastModified), reading.Elapsed);
    }

    private async Task<ExtractedArticle?> ExtractAsync(SourceDefinition source, ParsedItem item, Uri url, CancellationToken cancellationToken)
    {
        var hasFullText = FullTextDetector.HasFullText(item);
        if (!options.Value.FetchArticles || (hasFullText && !source.FetchFullText))
        {
            return null;
        }

        var page = await fetcher.FetchAsync(url, null, cancellationToken);
        if (page is not FetchResult.Ok ok)
        {
            // The item keeps the feed's data; the page is not retried (it is stored now and never new again).
            logger.LogDebug("Article fetch failed for {SourceId} {Url}: {Reason}", source.Id, url, page);
            return null;
        }

        using var pass = await gate.EnterAsync(ok.Body.Length, cancellationToken);
        try
        {
            return DocumentBudget.Run("extraction", TimeSpan.FromSeconds(options.Value.DocumentBudgetSeconds),
                token => ArticleExtractor.Extract(ok.Body, ok.FinalUri, ok.Charset, time.GetUtcNow(), token), cancellationToken);
        }
        catch (DocumentBudgetException ex)
        {
            // Like a failed fetch: the item keeps the feed's data.
            logger.LogDebug("Article page not extracted for {SourceId} {Url}: {Reason}", source.Id, url, ex.Message);
            return null;
        }
    }

    private void Succeed(SourceState state, string outcome)
    {
        state.LastOutcome = outcome;
        state.LastSuccessAt = time.GetUtcNow().UtcDateTime;
        state.ConsecutiveFailures = 0;
        state.LastError = null;
        state.NextAttemptAt = null;
    }

    private CrawlOutcome Fail(SourceDefinition source, SourceState state, string reason, Stopwatch clock)
    {
        state.LastOutcome = "failed";
        state.ConsecutiveFailures++;
        state.LastError = reason.Length > 2000 ? reason[..2000] : reason;

        // Exponential backoff from 5 minutes, at most a day.
        var minutes = Math.Min(5 * Math.Pow(2, state.ConsecutiveFailures - 1), 24 * 60);
        state.NextAttemptAt = time.GetUtcNow().UtcDateTime.AddMinutes(minutes);
        return new CrawlOutcome(source.Id, "failed", 0, 0, 0, reason, clock.Elapsed);
    }
}
