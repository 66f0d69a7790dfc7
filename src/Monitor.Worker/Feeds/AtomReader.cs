using System.Text;
using System.Xml;
using System.Xml.Linq;
using Monitor.Worker.Items;
using static Monitor.Worker.Feeds.FeedXml;

namespace Monitor.Worker.Feeds;

/// <summary>Maps Atom 1.0 and Atom 0.3 trees to <see cref="ParsedFeed"/>.</summary>
internal static class AtomReader
{
    private static readonly string[] Dc = [FeedNamespaces.Dc];

    public static ParsedFeed Read(XElement root, Uri? baseUri, TimeZoneInfo? zone, bool recovered)
    {
        // Pre-standard Atom lived in several namespaces (purl.org/pie, example.com...): read the root's own too.
        string[] atom = [.. FeedNamespaces.Atom.Prepend(root.Name.NamespaceName).Distinct()];
        var items = new List<ParsedItem>();
        foreach (var entry in root.Elements())
        {
            if (entry.Name.LocalName == "entry" && InNamespaces(entry, atom))
            {
                items.Add(ReadEntry(entry, atom, baseUri, zone));
            }
        }

        var version = root.Name.NamespaceName switch
        {
            FeedNamespaces.Atom10 => "atom10",
            FeedNamespaces.Atom03 => "atom03",
            _ => ((string?)root.Attribute("version"))?.Trim() == "0.3" ? "atom03" : "atom",
        };
        var published = FeedDateParser.Parse(
            Text(root, "published", atom) ?? Text(root, "issued", atom) ?? Text(root, "updated", atom) ?? Text(root, "modified", atom), zone);
        return new ParsedFeed(FeedFormat.Atom, version, PlainConstruct(Child(root, "title", atom)), AlternateLink(root, atom, baseUri), items, recovered)
        {
            Published = published,
        };
    }

    private static ParsedItem ReadEntry(XElement entry, string[] atom, Uri? baseUri, TimeZoneInfo? zone)
    {
        var date = Text(entry, "published", atom) ?? Text(entry, "issued", atom) ?? Text(entry, "date", Dc)
            ?? Text(entry, "updated", atom) ?? Text(entry, "modified", atom) ?? Text(entry, "created", atom);
        var summaryElement = Child(entry, "summary", atom);
        var contentElement = Child(entry, "content", atom);
        var author = Child(entry, "author", atom);
        return new ParsedItem(
            FeedText.Trimmed(Text(entry, "id", atom)),
            PlainConstruct(Child(entry, "title", atom)),
            AlternateLink(entry, atom, baseUri),
            FeedDateParser.Parse(date, zone),
            PlainConstruct(summaryElement) ?? PlainConstruct(contentElement),
            contentElement is null ? null : MarkupConstruct(contentElement),
            FeedText.Plain(author is null ? Text(entry, "creator", Dc) : Text(author, "name", atom) ?? author.Value));
    }

    /// <summary>The entry's page: the first <c>rel="alternate"</c> (or rel-less) link, preferring HTML; relative hrefs resolve against xml:base.</summary>
    private static Uri? AlternateLink(XElement parent, string[] atom, Uri? baseUri)
    {
        XElement? best = null;
        foreach (var link in parent.Elements())
        {
            if (link.Name.LocalName != "link" || !InNamespaces(link, atom) || HrefOf(link) is null)
            {
                continue;
            }

            var rel = ((string?)link.Attribute("rel"))?.Trim() ?? "alternate";
            if (rel != "alternate")
            {
                continue;
            }

            var type = ((string?)link.Attribute("type"))?.Trim() ?? "text/html";
            if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                best = link;
                break;
            }

            best ??= link;
        }

        return best is null ? null : Resolve(HrefOf(best), BaseOf(best, baseUri));
    }

    /// <summary>The link target: its href, or (as some feeds write it) its text content.</summary>
    private static string? HrefOf(XElement link)
        => FeedText.Trimmed((string?)link.Attribute("href")) ?? FeedText.Trimmed(link.Value);

    /// <summary>Plain text of an Atom text construct (text, html, xhtml; Atom 0.3 escaped/base64/xml modes).</summary>
    internal static string? PlainConstruct(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return Kind(element) switch
        {
            ConstructKind.Html => FeedText.Plain(element.Value),
            ConstructKind.Base64 => FeedText.Plain(DecodeBase64(element.Value)),
            ConstructKind.Xhtml => FeedText.Plain(element.Value, mayBeHtml: false),
            _ => FeedText.Plain(element.Value, mayBeHtml: LooksEscaped(element) && element.Attribute("type") is null),
        };
    }

    /// <summary>The markup (or text) of an Atom content element, as HTML.</summary>
    private static string? MarkupConstruct(XElement element)
    {
        var value = Kind(element) switch
        {
            ConstructKind.Xhtml => InnerMarkup(element),
            ConstructKind.Base64 => DecodeBase64(element.Value),
            _ => element.Value,
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>The element's children as markup; characters XML forbids (kept by the forgiving reader) are written as they are.</summary>
    private static string InnerMarkup(XElement element)
    {
        var settings = new XmlWriterSettings { OmitXmlDeclaration = true, CheckCharacters = false, ConformanceLevel = ConformanceLevel.Fragment };
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
        {
            foreach (var node in element.Nodes())
            {
                node.WriteTo(writer);
            }
        }

        return text.ToString();
    }

    private static ConstructKind Kind(XElement element)
    {
        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        if (mode == "base64")
        {
            return ConstructKind.Base64;
        }

        if (type is "xhtml" or "application/xhtml+xml" || mode == "xml" || element.HasElements)
        {
            return ConstructKind.Xhtml;
        }

        return type is "html" or "text/html" || mode == "escaped" ? ConstructKind.Html : ConstructKind.Text;
    }

    // Atom 0.3 feeds and many Atom 1.0 ones without a type still escape HTML into the text.
    private static bool LooksEscaped(XElement element) => element.Name.NamespaceName != FeedNamespaces.Atom10;

    private static string DecodeBase64(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim()));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    private enum ConstructKind
    {
        Text,
        Html,
        Xhtml,
        Base64,
    }
}
