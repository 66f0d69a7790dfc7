namespace Monitor.Worker.Crawling;

/// <summary>What a read may depend on besides the document: whether this is the source's first crawl, and since when.</summary>
/// <param name="FirstCrawl">True before the source's first success: listing pagination is followed only then.</param>
/// <param name="Since">The last successful crawl: sitemaps only yield URLs newer than this.</param>
/// <param name="MaxItems">Most item URLs a sitemap yields per run.</param>
public sealed record SourceReadContext(bool FirstCrawl, DateTimeOffset? Since, int MaxItems);
