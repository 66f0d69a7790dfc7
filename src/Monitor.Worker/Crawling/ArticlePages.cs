using Microsoft.Extensions.Options;
using Monitor.Worker.Fetching;
using Monitor.Worker.Items;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Crawling;

/// <summary>Fetches the pages of a source's new items (when articles are fetched and the item lacks its full text),
/// at most <c>MaxRequestsPerHost</c> at once.</summary>
public sealed class ArticlePages(PageFetcher fetcher, IOptions<CrawlingOptions> options, ILogger<ArticlePages> logger)
{
    /// <summary>The items of <paramref name="source"/> with their pages (null where none was fetched).</summary>
    internal async Task<PendingItem[]> FetchAsync(SourceDefinition source, List<PendingItem> items, CancellationToken cancellationToken)
    {
        var pages = new PendingItem[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxRequestsPerHost, CancellationToken = cancellationToken },
            async (i, token) => pages[i] = items[i] with { Page = await FetchPageAsync(source, items[i], token) });
        return pages;
    }

    private async Task<FetchResult.Ok?> FetchPageAsync(SourceDefinition source, PendingItem pending, CancellationToken cancellationToken)
    {
        var hasFullText = FullTextDetector.HasFullText(pending.Item);
        if (!options.Value.FetchArticles || (hasFullText && !source.FetchFullText))
        {
            return null;
        }

        var page = await fetcher.FetchAsync(pending.Url, null, cancellationToken);
        if (page is not FetchResult.Ok ok)
        {
            // The item keeps the feed's data; the page is not retried (it is stored now and never new again).
            logger.LogDebug("Article fetch failed for {SourceId} {Url}: {Reason}", source.Id, pending.Url, page);
            return null;
        }

        return ok;
    }
}
