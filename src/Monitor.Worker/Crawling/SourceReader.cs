using System.Text;
using Monitor.Worker.Feeds;
using Monitor.Worker.Fetching;
using Monitor.Worker.Listings;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Crawling;

/// <summary>Turns a fetched source document into item candidates, by the source's kind or by what the content is.</summary>
public sealed class SourceReader
{
    /// <summary>Reads <paramref name="document"/> as <paramref name="source"/>'s kind.</summary>
    /// <exception cref="SourceReadException">The document is not what the source's kind expects.</exception>
    public Task<SourceReadResult> ReadAsync(SourceDefinition source, FetchResult.Ok document, CancellationToken cancellationToken)
    {
        var zone = SourceTimeZone(source);
        var kind = source.Kind == SourceKind.Auto ? Detect(document) : source.Kind;
        try
        {
            return Task.FromResult(kind switch
            {
                SourceKind.Feed => ReadFeed(document, zone),
                SourceKind.Listing => ReadListing(source, document, zone),
                _ => throw new SourceReadException($"source kind {kind} is not supported yet"),
            });
        }
        catch (FeedParseException ex)
        {
            throw new SourceReadException(ex.Message, ex);
        }
    }

    /// <summary>The source's configured time zone, or UTC.</summary>
    public static TimeZoneInfo SourceTimeZone(SourceDefinition source) =>
        source.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static SourceReadResult ReadFeed(FetchResult.Ok document, TimeZoneInfo zone)
    {
        var feed = FeedParser.Parse(document.Body, document.FinalUri, zone);
        return new SourceReadResult(feed.Items, $"feed ({feed.Version})", feed.Recovered ? "recovered from malformed XML" : null);
    }

    private static SourceReadResult ReadListing(SourceDefinition source, FetchResult.Ok document, TimeZoneInfo zone)
    {
        var html = TextDecoding.Decode(document.Body, document.Charset);
        var page = ListingParser.Parse(html, document.FinalUri, source.Selectors, zone);
        return new SourceReadResult(page.Items, source.Selectors is null ? "listing (automatic)" : "listing (selectors)");
    }

    private static SourceKind Detect(FetchResult.Ok document)
    {
        var head = Encoding.UTF8.GetString(document.Body.AsSpan(0, Math.Min(document.Body.Length, 2048))).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase) || head.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            return SourceKind.Feed;
        }

        return SourceKind.Listing;
    }
}
