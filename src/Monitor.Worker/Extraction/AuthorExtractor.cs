using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>Finds the author: JSON-LD, meta tags, microdata, then <c>rel=author</c> links.</summary>
internal static partial class AuthorExtractor
{
    /// <summary>Finds the author in the uncleaned <paramref name="document"/>.</summary>
    public static string? Find(IDocument document, PageMetadata meta)
    {
        var value = meta.JsonLd.Author
            ?? NotUrl(meta.Get("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "DC.creator", "byl", "citation_author"));
        if (value is null)
        {
            var element = document.QuerySelector("[itemprop~='author'] [itemprop='name'], [itemprop~='author'], a[rel~='author'], .byline, .author");
            var text = element?.GetAttribute("content") ?? element?.TextContent;
            if (text is not null && text.Length < 120)
            {
                value = text;
            }
        }

        if (value is null)
        {
            return null;
        }

        var cleaned = ByPrefix().Replace(Whitespace().Replace(value, " ").Trim(), string.Empty).Trim();
        return cleaned.Length is > 1 and < 120 ? cleaned : null;
    }

    private static string? NotUrl(string? value)
        => value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? null : value;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(by|von|par|por|di|door|av|przez|autor(in)?|author)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();
}
