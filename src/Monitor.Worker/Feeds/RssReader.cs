using System.Xml.Linq;
using Monitor.Worker.Items;
using static Monitor.Worker.Feeds.FeedXml;

namespace Monitor.Worker.Feeds;

/// <summary>Maps RSS 0.9x/2.0 and RDF (RSS 0.90 and 1.0) trees to <see cref="ParsedFeed"/>.</summary>
internal static class RssReader
{
    private static readonly string[] Rss = FeedNamespaces.Rss;
    private static readonly string[] Dc = [FeedNamespaces.Dc];
    private static readonly string[] DcTerms = [FeedNamespaces.DcTerms];
    private static readonly string[] Atom = [FeedNamespaces.Atom10, FeedNamespaces.Atom03];
    private static readonly XName RdfAbout = XName.Get("about", FeedNamespaces.Rdf);

    public static ParsedFeed Read(XElement root, string rawText, Uri? baseUri, TimeZoneInfo? zone, bool recovered)
    {
        var isRdf = root.Name.LocalName == "RDF";
        var channel = Child(root, "channel", Rss) ?? (root.Name.LocalName == "channel" ? root : null);
        var items = new List<ParsedItem>();
        AddItems(root, items, baseUri, zone);
        if (channel is not null && channel != root)
        {
            AddItems(channel, items, baseUri, zone);
        }

        string? title = null;
        Uri? link = null;
        DateTimeOffset? published = null;
        if (channel is not null)
        {
            title = FeedText.Plain(Text(channel, "title", Rss) ?? Text(channel, "title", Dc));
            link = LinkElement(channel, BaseOf(channel, baseUri)) ?? AtomLink(channel, baseUri);
            published = FeedDateParser.Parse(
                Text(channel, "pubDate", Rss) ?? Text(channel, "date", Dc) ?? Text(channel, "issued", DcTerms) ?? Text(channel, "created", DcTerms)
                ?? Text(channel, "lastBuildDate", Rss) ?? Text(channel, "modified", DcTerms), zone);
        }

        var version = isRdf ? RdfVersion(channel, rawText) : RssVersion(root, rawText);
        var format = isRdf ? FeedFormat.Rdf : FeedFormat.Rss;
        return new ParsedFeed(format, version, title, link, items, recovered) { Published = published };
    }

    private static void AddItems(XElement container, List<ParsedItem> items, Uri? baseUri, TimeZoneInfo? zone)
    {
        foreach (var item in container.Elements())
        {
            if (item.Name.LocalName == "item" && InNamespaces(item, Rss))
            {
                items.Add(ReadItem(item, baseUri, zone));
            }
        }
    }

    private static ParsedItem ReadItem(XElement item, Uri? documentBase, TimeZoneInfo? zone)
    {
        var itemBase = BaseOf(item, documentBase);
        var guidElement = Child(item, "guid", Rss);
        var guid = FeedText.Trimmed(guidElement?.Value) ?? FeedText.Trimmed((string?)item.Attribute(RdfAbout));

        var link = LinkElement(item, itemBase) ?? AtomLink(item, documentBase);
        if (link is null && guid is not null && guidElement is not null
            && !string.Equals((string?)guidElement.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase)
            && (guid.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || guid.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
        {
            link = Resolve(guid, itemBase);
        }

        var description = Text(item, "description", Rss) ?? Text(item, "description", Dc)
            ?? Text(item, "summary", FeedNamespaces.Itunes) ?? Text(item, "summary", Atom);
        var encoded = Text(item, "encoded", FeedNamespaces.Content) ?? Text(item, "content", Atom);
        var content = encoded ?? (description is not null && FeedText.LooksLikeHtml(description) ? description : null);

        var date = Text(item, "pubDate", Rss) ?? Text(item, "date", Dc) ?? Text(item, "issued", DcTerms)
            ?? Text(item, "created", DcTerms) ?? Text(item, "published", Atom) ?? Text(item, "modified", DcTerms)
            ?? Text(item, "updated", Atom);

        var author = Text(item, "author", Rss) ?? Text(item, "creator", Dc) ?? Text(item, "author", FeedNamespaces.Itunes);
        return new ParsedItem(
            guid,
            FeedText.Plain(Text(item, "title", Rss) ?? Text(item, "title", Dc) ?? Text(item, "title", FeedNamespaces.Media)),
            link,
            FeedDateParser.Parse(date, zone),
            FeedText.Plain(description),
            content,
            FeedText.Plain(author));
    }

    /// <summary>
    /// The RSS <c>link</c>: an Atom-style <c>&lt;link href="..."/&gt;</c> written without a namespace wins, since its
    /// author went out of the way to mark it; otherwise the first non-empty text link.
    /// </summary>
    private static Uri? LinkElement(XElement parent, Uri? baseUri)
    {
        foreach (var link in parent.Elements())
        {
            if (link.Name.LocalName == "link" && InNamespaces(link, Rss) && link.Attribute("href") is { } href
                && (((string?)link.Attribute("rel"))?.Trim() ?? "alternate") == "alternate")
            {
                var resolved = Resolve(href.Value, baseUri);
                if (resolved is not null)
                {
                    return resolved;
                }
            }
        }

        return Resolve(Text(parent, "link", Rss), baseUri);
    }

    /// <summary>An <c>atom:link</c> that points at the page (rel alternate or no rel), as some RSS feeds carry instead of <c>link</c>.</summary>
    internal static Uri? AtomLink(XElement parent, Uri? documentBase)
    {
        foreach (var link in parent.Elements())
        {
            if (link.Name.LocalName != "link" || Array.IndexOf(Atom, link.Name.NamespaceName) < 0)
            {
                continue;
            }

            var rel = ((string?)link.Attribute("rel"))?.Trim() ?? "alternate";
            if (rel == "alternate")
            {
                var resolved = Resolve((string?)link.Attribute("href"), BaseOf(link, documentBase));
                if (resolved is not null)
                {
                    return resolved;
                }
            }
        }

        return null;
    }

    private static string RdfVersion(XElement? channel, string rawText) => channel?.Name.NamespaceName switch
    {
        FeedNamespaces.Rss090 => "rss090",
        FeedNamespaces.Rss10 => "rss10",
        // No channel to look at (an empty document): the namespace it declares still tells the version.
        _ when rawText.Contains(FeedNamespaces.Rss10, StringComparison.Ordinal) => "rss10",
        _ when rawText.Contains(FeedNamespaces.Rss090, StringComparison.Ordinal) => "rss090",
        _ => "rdf",
    };

    private static string RssVersion(XElement root, string rawText)
    {
        var version = ((string?)root.Attribute("version"))?.Trim();
        return version switch
        {
            "0.91" => rawText.Contains("-//Netscape Communications//DTD RSS 0.91", StringComparison.OrdinalIgnoreCase) ? "rss091n" : "rss091u",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            not null when version.StartsWith('2') => "rss20",
            "0.90" or "0.9" => "rss090",
            _ => "rss",
        };
    }
}
