namespace Monitor.Worker.Sitemaps;

/// <summary>One <c>&lt;url&gt;</c> (or, in an index, one <c>&lt;sitemap&gt;</c>) of a sitemap.</summary>
/// <param name="Location">Absolute URL of the page (or child sitemap).</param>
/// <param name="LastModified">The <c>lastmod</c> date, when given.</param>
/// <param name="NewsPublished">Google News <c>news:publication_date</c>, when given.</param>
/// <param name="NewsTitle">Google News <c>news:title</c>, when given.</param>
public sealed record SitemapEntry(Uri Location, DateTimeOffset? LastModified, DateTimeOffset? NewsPublished = null, string? NewsTitle = null)
{
    /// <summary>The best publication time known: the news date, else lastmod.</summary>
    public DateTimeOffset? Published => NewsPublished ?? LastModified;
}
