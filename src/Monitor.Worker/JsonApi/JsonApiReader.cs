using System.Globalization;
using System.Text.Json;
using Monitor.Worker.Feeds;
using Monitor.Worker.Items;

namespace Monitor.Worker.JsonApi;

/// <summary>Reads items from a JSON API response (e.g. the US Federal Register documents API) by dotted paths. Pure.</summary>
public static class JsonApiReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>Reads the items at <paramref name="paths"/>; links resolve against <paramref name="baseUri"/>.</summary>
    /// <param name="defaultZone">Zone for dates without one (APIs often give bare dates); UTC when null.</param>
    /// <exception cref="JsonApiParseException">The data is not JSON or the item path does not lead to an array.</exception>
    public static IReadOnlyList<ParsedItem> Read(ReadOnlyMemory<byte> data, Uri baseUri, JsonApiPaths paths, TimeZoneInfo? defaultZone = null)
    {
        JsonDocument document;
        try
        {
            // Decoded first so a BOM, UTF-16 or invalid UTF-8 (served by real APIs) is handled like feeds are.
            document = JsonDocument.Parse(FeedDecoder.Decode(data.Span, out _), Options);
        }
        catch (JsonException ex)
        {
            throw new JsonApiParseException("json-api: invalid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var array = Select(document.RootElement, paths.Items);
            if (array is not { ValueKind: JsonValueKind.Array } items)
            {
                throw new JsonApiParseException($"json-api: no array at path '{paths.Items}'");
            }

            var result = new List<ParsedItem>();
            foreach (var item in items.EnumerateArray())
            {
                var link = FeedXml.Resolve(Scalar(item, paths.Link), baseUri);
                var title = FeedText.Plain(Scalar(item, paths.Title));
                if (link is null && title is null)
                {
                    continue;
                }

                result.Add(new ParsedItem(
                    FeedText.Trimmed(Scalar(item, paths.Id)),
                    title,
                    link,
                    FeedDateParser.Parse(Scalar(item, paths.Date), defaultZone),
                    FeedText.Plain(Scalar(item, paths.Summary))));
            }

            return result;
        }
    }

    /// <summary>Follows a dotted path (<c>a.b.0.c</c>); an empty path is the element itself.</summary>
    internal static JsonElement? Select(JsonElement element, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return element;
        }

        var current = element;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    private static string? Scalar(JsonElement item, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Select(item, path) is not { } value)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
    }
}
