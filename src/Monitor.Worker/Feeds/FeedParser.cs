using System.Xml.Linq;

namespace Monitor.Worker.Feeds;

/// <summary>
/// Parses RSS (0.90–2.0), RDF, Atom (0.3, 1.0) and JSON Feed (1.0, 1.1) documents from their bytes, detecting the
/// format from content. Forgiving like a feed reader: wrong charsets, undeclared entities and prefixes, bare
/// ampersands and truncated documents are repaired and the result is marked <see cref="ParsedFeed.Recovered"/>.
/// DTDs are never processed and no external resource is ever resolved. Pure.
/// </summary>
public static class FeedParser
{
    /// <summary>Parses <paramref name="data"/>; relative links resolve against <paramref name="baseUri"/>.</summary>
    /// <param name="data">The document's bytes, as received.</param>
    /// <param name="baseUri">The URL the document was fetched from.</param>
    /// <param name="defaultZone">Time zone for dates written without one (the source's zone); UTC when null.</param>
    /// <exception cref="FeedParseException">The document is not a readable feed.</exception>
    public static ParsedFeed Parse(ReadOnlyMemory<byte> data, Uri? baseUri, TimeZoneInfo? defaultZone = null) => Parse(data, baseUri, defaultZone, CancellationToken.None);

    /// <summary>Parses <paramref name="data"/>, checking <paramref name="cancellationToken"/> (a document's work budget) as it reads.</summary>
    public static ParsedFeed Parse(ReadOnlyMemory<byte> data, Uri? baseUri, TimeZoneInfo? defaultZone, CancellationToken cancellationToken)
    {
        var text = FeedDecoder.Decode(data.Span, out var charsetRecovered);
        var start = FirstSignificant(text);
        if (start < 0)
        {
            throw new FeedParseException("feed: empty document");
        }

        if (text[start] is '{' or '[')
        {
            return JsonFeedReader.Read(text, baseUri, defaultZone);
        }

        if (text[start] != '<')
        {
            throw new FeedParseException("feed: unable to detect format (neither XML nor JSON)");
        }

        var root = FeedXmlLoader.Load(text, out var xmlRecovered, cancellationToken);
        var recovered = charsetRecovered || xmlRecovered;
        var name = root.Name.LocalName;
        var feed = name switch
        {
            "rss" or "RDF" or "channel" => RssReader.Read(root, text, baseUri, defaultZone, recovered),
            "feed" => AtomReader.Read(root, baseUri, defaultZone, recovered),
            "html" => throw new FeedParseException("feed: document is an HTML page, not a feed"),
            _ => throw new FeedParseException($"feed: unable to detect format (root element <{name}>)"),
        };
        return feed;
    }

    private static int FirstSignificant(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != '\uFEFF')
            {
                return i;
            }
        }

        return -1;
    }
}
