using System.IO.Compression;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Discovery;

/// <summary>
/// Tells what a fetched document is from its first bytes (not its URL): feed, JSON Feed, sitemap, HTML or other JSON.
/// The content type only breaks ties when the bytes say nothing. Gzip (a <c>sitemap.xml.gz</c>) is looked into. Pure.
/// </summary>
public static class ContentSniffer
{
    /// <summary>The kind of document whose first bytes are <paramref name="head"/> (a few kilobytes are enough).</summary>
    public static ContentKind Detect(ReadOnlySpan<byte> head, string? contentType)
    {
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            var inflated = InflateHead(head);
            return inflated.Length == 0 ? ContentKind.Unknown : Detect(inflated, null);
        }

        // Binary formats a server may label text/html: a PDF, an image, an archive is not a feed or a page.
        if (head.StartsWith("%PDF-"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || head.StartsWith("GIF8"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || head.StartsWith("PK\x03\x04"u8))
        {
            return ContentKind.Unknown;
        }

        var text = FeedDecoder.Decode(head, out _);
        var i = SkipProlog(text);
        if (i < text.Length && text[i] is '{' or '[')
        {
            return text.Contains("jsonfeed.org/version", StringComparison.OrdinalIgnoreCase) ? ContentKind.JsonFeed : ContentKind.Json;
        }

        if (i < text.Length && text[i] == '<')
        {
            var name = ElementName(text, i + 1);
            var local = name.Contains(':', StringComparison.Ordinal) ? name[(name.IndexOf(':', StringComparison.Ordinal) + 1)..] : name;
            switch (local.ToLowerInvariant())
            {
                case "rss" or "rdf" or "feed" or "channel": return ContentKind.Feed;
                case "urlset" or "sitemapindex": return ContentKind.Sitemap;
                case "html" or "head" or "body" or "!doctype": return ContentKind.Html;
            }

            if (text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<body", StringComparison.OrdinalIgnoreCase))
            {
                return ContentKind.Html;
            }
        }

        var type = contentType?.ToLowerInvariant() ?? string.Empty;
        return type switch
        {
            _ when type.Contains("html", StringComparison.Ordinal) => ContentKind.Html,
            _ when type.Contains("feed+json", StringComparison.Ordinal) => ContentKind.JsonFeed,
            _ when type.Contains("json", StringComparison.Ordinal) => ContentKind.Json,
            _ when type.Contains("rss", StringComparison.Ordinal) || type.Contains("atom", StringComparison.Ordinal) => ContentKind.Feed,
            _ => ContentKind.Unknown,
        };
    }

    /// <summary>Skips whitespace, the XML declaration, processing instructions, comments and a non-HTML DOCTYPE.</summary>
    private static int SkipProlog(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
            {
                i = After(text, i, "?>");
            }
            else if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                i = After(text, i, "-->");
            }
            else if (string.Compare(text, i, "<!DOCTYPE html", 0, 14, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return i;
            }
            else if (string.Compare(text, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
            {
                i = After(text, i, ">");
            }
            else
            {
                return i;
            }
        }

        return i;
    }

    private static int After(string text, int start, string terminator)
    {
        var end = text.IndexOf(terminator, start + 2, StringComparison.Ordinal);
        return end < 0 ? text.Length : end + terminator.Length;
    }

    private static string ElementName(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '-' or '_' or '!' or '.'))
        {
            end++;
        }

        return text[start..end];
    }

    private static byte[] InflateHead(ReadOnlySpan<byte> head)
    {
        using var input = new MemoryStream(head.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while (total < buffer.Length && (read = gzip.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }
        }
        catch (InvalidDataException)
        {
            // A truncated head ends mid-stream: what was inflated so far is enough to sniff.
        }
        catch (EndOfStreamException)
        {
        }

        return buffer[..total];
    }
}
