using Microsoft.Extensions.Options;
using Monitor.Worker.Discovery;
using Monitor.Worker.Documents;
using Monitor.Worker.Extraction;
using Monitor.Worker.Feeds;
using Monitor.Worker.Fetching;
using Monitor.Worker.Items;
using Monitor.Worker.JsonApi;
using Monitor.Worker.Listings;
using Monitor.Worker.Sitemaps;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Crawling;

/// <summary>
/// Turns a fetched source document into item candidates, by the source's kind or (kind auto) by what the content is:
/// feeds of every format, sitemaps (an index followed one level), JSON APIs, and HTML pages, where an advertised feed
/// is preferred and a listing is read otherwise (pages after the first only on the first crawl).
/// </summary>
public sealed class SourceReader(PageFetcher fetcher, LargeDocumentGate gate, IOptions<CrawlingOptions> options)
{
    /// <summary>Reads <paramref name="document"/> as <paramref name="source"/>'s kind.</summary>
    /// <exception cref="SourceReadException">The document is not what the source's kind expects.</exception>
    public async Task<SourceReadResult> ReadAsync(SourceDefinition source, FetchResult.Ok document, SourceReadContext context, CancellationToken cancellationToken)
    {
        var zone = SourceTimeZone(source);
        try
        {
            var kind = source.Kind == SourceKind.Auto ? Detect(source, document) : source.Kind;
            return kind switch
            {
                SourceKind.Feed => await ReadFeedAsync(document, zone, null, cancellationToken),
                SourceKind.Sitemap => await ReadSitemapAsync(document, zone, context, cancellationToken),
                SourceKind.Json => await GatedAsync(document, "json", _ => ReadJson(source, document, zone), cancellationToken),
                // An explicit listing is read as one; an HTML page of kind auto first looks for an advertised feed.
                _ => await ReadHtmlAsync(source, document, zone, context, discoverFeeds: source.Kind != SourceKind.Listing, cancellationToken),
            };
        }
        catch (Exception ex) when (ex is FeedParseException or SitemapParseException or JsonApiParseException or ListingParseException or DocumentBudgetException)
        {
            throw new SourceReadException(ex.Message, ex);
        }
    }

    /// <summary>The source's configured time zone, or UTC.</summary>
    public static TimeZoneInfo SourceTimeZone(SourceDefinition source) =>
        source.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static SourceKind Detect(SourceDefinition source, FetchResult.Ok document)
    {
        var head = document.Body.AsSpan(0, Math.Min(document.Body.Length, 4096));
        return ContentSniffer.Detect(head, document.ContentType) switch
        {
            ContentKind.Feed or ContentKind.JsonFeed => SourceKind.Feed,
            ContentKind.Sitemap => SourceKind.Sitemap,
            ContentKind.Json when source.Json is not null => SourceKind.Json,
            ContentKind.Json => throw new SourceReadException("auto: the document is JSON but not a JSON Feed; set kind: json with json paths"),
            ContentKind.Html => SourceKind.Auto,
            _ => throw new SourceReadException($"auto: cannot tell what the document is ({document.ContentType ?? "no content type"})"),
        };
    }

    /// <summary>Runs one pure stage on a document within the document budget (<see cref="CrawlingOptions.DocumentBudgetSeconds"/>).</summary>
    private T Budgeted<T>(string stage, Func<CancellationToken, T> work, CancellationToken cancellationToken) =>
        DocumentBudget.Run(stage, TimeSpan.FromSeconds(options.Value.DocumentBudgetSeconds), work, cancellationToken);

    /// <summary>As <see cref="Budgeted"/>, a large document waiting its turn first (<see cref="LargeDocumentGate"/>).</summary>
    private async Task<T> GatedAsync<T>(FetchResult.Ok document, string stage, Func<CancellationToken, T> work, CancellationToken cancellationToken)
    {
        using var pass = await gate.EnterAsync(document.Body.Length, cancellationToken);
        return Budgeted(stage, work, cancellationToken);
    }

    private async Task<SourceReadResult> ReadFeedAsync(FetchResult.Ok document, TimeZoneInfo zone, string? note, CancellationToken cancellationToken)
    {
        var feed = await GatedAsync(document, "feed", token => FeedParser.Parse(document.Body, document.FinalUri, zone, token), cancellationToken);
        var notes = string.Join("; ", new[] { note, feed.Recovered ? "recovered from malformed XML" : null }.Where(n => n is not null));
        return new SourceReadResult(feed.Items, $"feed ({feed.Version})", notes.Length == 0 ? null : notes);
    }

    private static SourceReadResult ReadJson(SourceDefinition source, FetchResult.Ok document, TimeZoneInfo zone)
    {
        var paths = source.Json ?? throw new SourceReadException("json: the source has no json paths");
        return new SourceReadResult(JsonApiReader.Read(document.Body, document.FinalUri, paths, zone), "json api");
    }

    private async Task<SourceReadResult> ReadHtmlAsync(SourceDefinition source, FetchResult.Ok document, TimeZoneInfo zone, SourceReadContext context, bool discoverFeeds, CancellationToken cancellationToken)
    {
        IReadOnlyList<Uri> feeds;
        ListingPage? listing = null;
        using (await gate.EnterAsync(document.Body.Length, cancellationToken))
        {
            // The page is parsed once: feed discovery reads the tree, and the listing reads the same tree when the page
            // advertises no feed (a page whose advertised feeds all fail is parsed again, after their fetches).
            using var page = Budgeted("html", token => HtmlDocuments.Parse(CharsetDecoder.Decode(document.Body, document.Charset), token), cancellationToken);
            feeds = discoverFeeds && source.Selectors is null ? FeedDiscovery.Discover(page, document.FinalUri).Take(2).ToList() : [];
            if (feeds.Count == 0)
            {
                listing = Budgeted("listing", token => ListingParser.Parse(page, document.FinalUri, source.Selectors, zone, token), cancellationToken);
            }
        }

        if (listing is not null)
        {
            return await ReadListingPagesAsync(source, document, listing, zone, context, cancellationToken);
        }

        foreach (var feedUrl in feeds)
        {
            if (await fetcher.FetchAsync(feedUrl, null, cancellationToken) is FetchResult.Ok feed)
            {
                try
                {
                    return await ReadFeedAsync(feed, zone, $"discovered feed {feedUrl}", cancellationToken);
                }
                catch (FeedParseException)
                {
                    // An advertised feed that is not one: try the next, then read the page as a listing.
                }
            }
        }

        return await ReadListingPagesAsync(source, document, await GatedAsync(document, "listing", token =>
            ListingParser.Parse(CharsetDecoder.Decode(document.Body, document.Charset), document.FinalUri, source.Selectors, zone, token), cancellationToken), zone, context, cancellationToken);
    }

    /// <summary>Follows "next" links from the first page's listing (on a first crawl only).</summary>
    private async Task<SourceReadResult> ReadListingPagesAsync(SourceDefinition source, FetchResult.Ok document, ListingPage first, TimeZoneInfo zone, SourceReadContext context, CancellationToken cancellationToken)
    {
        var page = first;
        var items = new List<ParsedItem>(page.Items);
        var visited = new HashSet<string>(StringComparer.Ordinal) { document.FinalUri.AbsoluteUri };
        var pages = 1;
        while (context.FirstCrawl && page.NextPage is { } next && pages < options.Value.MaxListingPages && visited.Add(next.AbsoluteUri))
        {
            if (await fetcher.FetchAsync(next, null, cancellationToken) is not FetchResult.Ok more)
            {
                break;
            }

            page = await GatedAsync(more, "listing", token => ListingParser.Parse(CharsetDecoder.Decode(more.Body, more.Charset), more.FinalUri, source.Selectors, zone, token), cancellationToken);
            items.AddRange(page.Items);
            pages++;
        }

        var mode = source.Selectors is null ? "listing (automatic)" : "listing (selectors)";
        return new SourceReadResult(items, mode, pages > 1 ? $"{pages} pages" : null);
    }

    private async Task<SourceReadResult> ReadSitemapAsync(FetchResult.Ok document, TimeZoneInfo zone, SourceReadContext context, CancellationToken cancellationToken)
    {
        var sitemap = await GatedAsync(document, "sitemap", token => SitemapParser.Parse(document.Body, document.FinalUri, zone, token), cancellationToken);
        var entries = sitemap.Entries;
        var note = (string?)null;
        if (sitemap.IsIndex)
        {
            // An index is followed one level: its newest child sitemaps, never an index inside an index.
            var children = SitemapSelection.NewEntries(sitemap.Entries, context.Since, null, options.Value.MaxSitemapChildren);
            var collected = new List<SitemapEntry>();
            foreach (var child in children)
            {
                if (await fetcher.FetchAsync(child.Location, null, cancellationToken) is FetchResult.Ok ok)
                {
                    var childMap = await GatedAsync(ok, "sitemap", token => SitemapParser.Parse(ok.Body, ok.FinalUri, zone, token), cancellationToken);
                    if (!childMap.IsIndex)
                    {
                        collected.AddRange(childMap.Entries);
                    }
                }
            }

            entries = collected;
            note = $"index: {children.Count} of {sitemap.Entries.Count} sitemaps read";
        }

        var fresh = SitemapSelection.NewEntries(entries, context.Since, null, context.MaxItems);
        var items = fresh.Select(e => new ParsedItem(null, e.NewsTitle, e.Location, e.Published, null)).ToList();
        return new SourceReadResult(items, sitemap.IsIndex ? "sitemap index" : "sitemap", note);
    }
}
