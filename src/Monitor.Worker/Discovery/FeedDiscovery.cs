using AngleSharp.Html.Dom;
using Monitor.Worker.Documents;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Discovery;

/// <summary>Feed autodiscovery: the feeds a page announces with <c>&lt;link rel="alternate" type="..."&gt;</c>. Pure.</summary>
public static class FeedDiscovery
{
    private static readonly string[] FeedTypes =
    [
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml", "application/x.atom+xml",
    ];

    /// <summary>
    /// Absolute feed URLs announced by <paramref name="html"/>, in document order, without duplicates; comment feeds
    /// (WordPress's "Comments Feed") come after the others because a curator almost always wants the posts.
    /// </summary>
    public static IReadOnlyList<Uri> Discover(string html, Uri baseUri, CancellationToken cancellationToken = default)
    {
        using var document = HtmlDocuments.Parse(html, cancellationToken);
        return Discover(document, baseUri);
    }

    /// <summary>As <see cref="Discover(string, Uri, CancellationToken)"/>, on a page already parsed (it is not changed).</summary>
    public static IReadOnlyList<Uri> Discover(IHtmlDocument document, Uri baseUri)
    {
        var pageBase = FeedXml.Resolve(document.QuerySelector("base[href]")?.GetAttribute("href"), baseUri) is { IsAbsoluteUri: true } b ? b : baseUri;
        var found = new List<(Uri Url, bool Comments)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in document.QuerySelectorAll("link[href]"))
        {
            var rel = (link.GetAttribute("rel") ?? string.Empty).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var type = (link.GetAttribute("type") ?? string.Empty).Split(';')[0].Trim().ToLowerInvariant();
            if (!rel.Contains("alternate") || Array.IndexOf(FeedTypes, type) < 0)
            {
                continue;
            }

            if (FeedXml.Resolve(link.GetAttribute("href"), pageBase) is { IsAbsoluteUri: true } url
                && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && seen.Add(url.AbsoluteUri))
            {
                var title = link.GetAttribute("title") ?? string.Empty;
                found.Add((url, title.Contains("comment", StringComparison.OrdinalIgnoreCase) || url.AbsolutePath.Contains("/comments/", StringComparison.OrdinalIgnoreCase)));
            }
        }

        return found.OrderBy(f => f.Comments).Select(f => f.Url).ToList();
    }
}
