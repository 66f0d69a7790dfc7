using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>The page's declared metadata: meta tags (name, property, itemprop, http-equiv), links and JSON-LD.</summary>
internal sealed class PageMetadata
{
    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);

    private PageMetadata()
    {
    }

    /// <summary>The JSON-LD article description.</summary>
    public JsonLdArticle JsonLd { get; } = new();

    /// <summary>The <c>&lt;title&gt;</c> text.</summary>
    public string? DocumentTitle { get; private set; }

    /// <summary>The <c>&lt;html lang&gt;</c> value.</summary>
    public string? HtmlLang { get; private set; }

    /// <summary><c>link rel=canonical</c>.</summary>
    public string? Canonical { get; private set; }

    /// <summary>Reads the metadata of <paramref name="document"/> before any cleaning.</summary>
    public static PageMetadata Read(IHtmlDocument document)
    {
        var meta = new PageMetadata
        {
            DocumentTitle = document.QuerySelector("title")?.TextContent,
            HtmlLang = document.DocumentElement?.GetAttribute("lang") ?? document.DocumentElement?.GetAttribute("xml:lang"),
        };

        foreach (var element in document.GetElementsByTagName("meta"))
        {
            var content = element.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content))
            {
                continue;
            }

            foreach (var attribute in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
            {
                var key = element.GetAttribute(attribute);
                if (!string.IsNullOrEmpty(key))
                {
                    meta._meta.TryAdd(key.Trim(), content.Trim());
                }
            }
        }

        foreach (var element in document.GetElementsByTagName("link"))
        {
            var rel = element.GetAttribute("rel");
            if (rel is not null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase))
            {
                meta.Canonical ??= element.GetAttribute("href");
            }
        }

        foreach (var element in document.GetElementsByTagName("script"))
        {
            var type = element.GetAttribute("type");
            if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                meta.JsonLd.Read(element.TextContent);
            }
        }

        return meta;
    }

    /// <summary>The first non-empty value among the given meta keys.</summary>
    public string? Get(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
        {
            if (_meta.TryGetValue(key, out var value) && value.Length > 0)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>All meta entries, for rules that scan key patterns.</summary>
    public IReadOnlyDictionary<string, string> All => _meta;

    /// <summary>Elements carrying an attribute, e.g. microdata <c>itemprop</c>.</summary>
    public static IEnumerable<IElement> WithItemProp(IDocument document, string name)
        => document.QuerySelectorAll($"[itemprop='{name}']");
}
