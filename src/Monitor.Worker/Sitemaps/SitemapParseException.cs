namespace Monitor.Worker.Sitemaps;

/// <summary>The document is not a readable sitemap; the message starts with "sitemap: ".</summary>
public sealed class SitemapParseException : Exception
{
    public SitemapParseException(string message) : base(message) { }

    public SitemapParseException(string message, Exception inner) : base(message, inner) { }
}
