using System.Text.Json;
using Monitor.Worker.Items;

namespace Monitor.Worker.Feeds;

/// <summary>Maps JSON Feed 1.0/1.1 documents to <see cref="ParsedFeed"/>.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static ParsedFeed Read(string text, Uri? baseUri, TimeZoneInfo? zone)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedParseException("feed: invalid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FeedParseException("feed: JSON document is not a JSON Feed");
            }

            var version = String(root, "version");
            var hasItems = root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array;
            // A JSON Feed names its version; feeds that forget it still have items and a home page or feed URL.
            var looksLikeFeed = hasItems && (version is not null || String(root, "home_page_url") is not null || String(root, "feed_url") is not null);
            if (!(version?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) == true || looksLikeFeed))
            {
                throw new FeedParseException("feed: JSON document is not a JSON Feed");
            }

            var home = FeedXml.Resolve(String(root, "home_page_url"), baseUri);
            var itemBase = home is { IsAbsoluteUri: true } ? home : baseUri;
            var parsed = new List<ParsedItem>();
            if (hasItems)
            {
                foreach (var item in items.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        parsed.Add(ReadItem(item, itemBase, zone));
                    }
                }
            }

            var versionLabel = version is not null && (version.EndsWith("1.1", StringComparison.Ordinal)) ? "json11" : "json10";
            return new ParsedFeed(FeedFormat.JsonFeed, versionLabel, FeedText.Plain(String(root, "title"), mayBeHtml: false), home, parsed)
            {
                Published = parsed.Select(i => i.Published).FirstOrDefault(p => p is not null),
            };
        }
    }

    private static ParsedItem ReadItem(JsonElement item, Uri? baseUri, TimeZoneInfo? zone)
    {
        var html = String(item, "content_html");
        var text = String(item, "content_text");
        return new ParsedItem(
            FeedText.Trimmed(String(item, "id")),
            FeedText.Plain(String(item, "title"), mayBeHtml: false),
            FeedXml.Resolve(String(item, "url") ?? String(item, "external_url"), baseUri),
            FeedDateParser.Parse(String(item, "date_published") ?? String(item, "date_modified"), zone),
            FeedText.Plain(String(item, "summary")),
            html ?? text,
            FeedText.Plain(Author(item)));
    }

    private static string? Author(JsonElement item)
    {
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var a in authors.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Object && String(a, "name") is { } name)
                {
                    return name;
                }
            }
        }

        return item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? String(author, "name") : null;
    }

    /// <summary>A string (or number, as its text) property; null otherwise.</summary>
    internal static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
