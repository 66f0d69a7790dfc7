using System.IO.Compression;
using System.Xml;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Sitemaps;

/// <summary>
/// Reads sitemaps (sitemaps.org 0.9, sitemap indexes, Google News extensions), gzipped or not: gzip is detected
/// from the magic bytes, whatever the URL or content type say, and inflated up to <see cref="MaxInflatedBytes"/>.
/// XML is read with DTDs ignored and no resolver. Plain-text sitemaps (one URL per line) are accepted too. Pure.
/// </summary>
public static class SitemapParser
{
    /// <summary>Largest inflated size read from a gzipped sitemap (the protocol's own limit is 50 MB).</summary>
    public const int MaxInflatedBytes = 50 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CheckCharacters = false,
    };

    /// <summary>Parses <paramref name="data"/>; relative locations resolve against <paramref name="baseUri"/>.</summary>
    /// <param name="defaultZone">Zone for dates without one (lastmod is usually a bare date); UTC when null.</param>
    /// <exception cref="SitemapParseException">The document is neither a sitemap nor a sitemap index.</exception>
    public static SitemapDocument Parse(ReadOnlyMemory<byte> data, Uri baseUri, TimeZoneInfo? defaultZone = null, CancellationToken cancellationToken = default)
    {
        var bytes = IsGzip(data.Span) ? Inflate(data) : data;
        var text = FeedDecoder.Decode(bytes.Span, out _).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.Length == 0)
        {
            throw new SitemapParseException("sitemap: empty document");
        }

        if (!text.StartsWith('<'))
        {
            return PlainText(text);
        }

        try
        {
            return ReadXml(text, baseUri, defaultZone, cancellationToken);
        }
        catch (XmlException ex)
        {
            throw new SitemapParseException("sitemap: not well-formed XML: " + ex.Message, ex);
        }
    }

    private static SitemapDocument ReadXml(string text, Uri baseUri, TimeZoneInfo? zone, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        bool? isIndex = null;
        var entries = new List<SitemapEntry>();
        string? loc = null, lastmod = null, newsDate = null, newsTitle = null;
        // ReadElementContentAsString already moves to the next node, so the loop must not read again after it.
        var advanced = false;
        while (advanced || reader.Read())
        {
            advanced = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (reader.LocalName)
                {
                    case "urlset" when isIndex is null: isIndex = false; break;
                    case "sitemapindex" when isIndex is null: isIndex = true; break;
                    case "url" or "sitemap": loc = lastmod = newsDate = newsTitle = null; break;
                    case "loc" when IsCore(reader.NamespaceURI): loc = reader.ReadElementContentAsString(); advanced = true; continue;
                    case "lastmod" when IsCore(reader.NamespaceURI): lastmod = reader.ReadElementContentAsString(); advanced = true; continue;
                    case "publication_date": newsDate = reader.ReadElementContentAsString(); advanced = true; continue;
                    case "title" when reader.NamespaceURI.Contains("news", StringComparison.OrdinalIgnoreCase): newsTitle = reader.ReadElementContentAsString(); advanced = true; continue;
                    default:
                        if (isIndex is null)
                        {
                            throw new SitemapParseException($"sitemap: unexpected root element <{reader.LocalName}>");
                        }

                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "url" or "sitemap"
                && FeedXml.Resolve(loc, baseUri) is { IsAbsoluteUri: true } location)
            {
                entries.Add(new SitemapEntry(
                    location,
                    FeedDateParser.Parse(lastmod, zone),
                    FeedDateParser.Parse(newsDate, zone),
                    FeedText.Plain(newsTitle, mayBeHtml: false)));
            }
        }

        return isIndex is null ? throw new SitemapParseException("sitemap: empty document") : new SitemapDocument(isIndex.Value, entries);
    }

    /// <summary>The sitemap's own namespace (sitemaps.org, Google's 0.84, or none), not an extension's <c>image:loc</c> or <c>video:loc</c>.</summary>
    private static bool IsCore(string ns) => ns.Length == 0 || ns.Contains("/schemas/sitemap/", StringComparison.OrdinalIgnoreCase);

    private static SitemapDocument PlainText(string text)
    {
        var entries = new List<SitemapEntry>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Uri.TryCreate(line, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            {
                entries.Add(new SitemapEntry(uri, null));
            }
            else
            {
                throw new SitemapParseException("sitemap: neither XML nor a list of URLs");
            }
        }

        return new SitemapDocument(false, entries);
    }

    private static bool IsGzip(ReadOnlySpan<byte> data) => data.Length >= 2 && data[0] == 0x1F && data[1] == 0x8B;

    private static ReadOnlyMemory<byte> Inflate(ReadOnlyMemory<byte> data)
    {
        using var input = new MemoryStream(data.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > MaxInflatedBytes)
                {
                    throw new SitemapParseException($"sitemap: gzipped sitemap inflates beyond {MaxInflatedBytes} bytes");
                }

                output.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new SitemapParseException("sitemap: corrupt gzip data: " + ex.Message, ex);
        }

        return output.ToArray();
    }
}
