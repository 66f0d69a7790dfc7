using System.Text.Json;

namespace Monitor.Worker.Extraction;

/// <summary>What the page's JSON-LD says about its article (schema.org Article types first, then WebPage).</summary>
internal sealed class JsonLdArticle
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting",
        "SocialMediaPosting", "DiscussionForumPosting", "Review", "Recipe", "HowTo", "Event", "VideoObject", "Blog",
        "PressRelease", "CreativeWork", "Question",
    };

    private int _rank;

    /// <summary>Whether the values come from an Article-like node rather than a WebPage.</summary>
    public bool IsArticle => _rank >= 3;

    /// <summary>Headline of the article.</summary>
    public string? Headline { get; private set; }

    /// <summary>Raw datePublished (or dateCreated).</summary>
    public string? Published { get; private set; }

    /// <summary>Raw dateModified.</summary>
    public string? Modified { get; private set; }

    /// <summary>Author names, comma separated.</summary>
    public string? Author { get; private set; }

    /// <summary>inLanguage.</summary>
    public string? Language { get; private set; }

    /// <summary>description.</summary>
    public string? Description { get; private set; }

    /// <summary>url or mainEntityOfPage.</summary>
    public string? Url { get; private set; }

    /// <summary>Reads one <c>application/ld+json</c> script; malformed JSON is ignored.</summary>
    public void Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
            Visit(doc.RootElement, 0);
        }
        catch (JsonException)
        {
            // Hand-written JSON-LD is often broken; the page's other signals remain.
        }
    }

    private void Visit(JsonElement element, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var rank = Rank(element);
        if (rank > _rank || (rank == _rank && rank > 0 && Published is null))
        {
            Take(element, rank);
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "@graph" or "mainEntity" or "itemListElement" or "hasPart" || property.Value.ValueKind == JsonValueKind.Array)
            {
                Visit(property.Value, depth + 1);
            }
        }
    }

    private static int Rank(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type))
        {
            return 0;
        }

        var best = 0;
        foreach (var name in Strings(type))
        {
            var rank = ArticleTypes.Contains(name) ? 3 : name.EndsWith("Page", StringComparison.Ordinal) ? 1 : 0;
            best = Math.Max(best, rank);
        }

        return best;
    }

    private void Take(JsonElement element, int rank)
    {
        _rank = rank;
        Headline = String(element, "headline") ?? String(element, "name") ?? Headline;
        Published = String(element, "datePublished") ?? String(element, "dateCreated") ?? String(element, "uploadDate") ?? Published;
        Modified = String(element, "dateModified") ?? Modified;
        Language = String(element, "inLanguage") ?? Language;
        Description = String(element, "description") ?? Description;
        Url = String(element, "url") ?? Url;
        if (element.TryGetProperty("author", out var author))
        {
            var names = new List<string>();
            CollectNames(author, names);
            if (names.Count > 0)
            {
                Author = string.Join(", ", names);
            }
        }
    }

    private static void CollectNames(JsonElement author, List<string> names)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String:
                var s = author.GetString()?.Trim();
                if (!string.IsNullOrEmpty(s) && !s.StartsWith("http", StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(s);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in author.EnumerateArray())
                {
                    CollectNames(item, names);
                }

                break;
            case JsonValueKind.Object when author.TryGetProperty("name", out var name):
                CollectNames(name, names);
                break;
        }
    }

    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.String => value[0].GetString(),
            JsonValueKind.Object when value.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String => id.GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString() ?? string.Empty;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString() ?? string.Empty;
                }
            }
        }
    }
}
