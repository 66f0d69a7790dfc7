using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Picks the headline: a heading that the document title or OpenGraph title confirms, else the meta title with the
/// site-name part removed.
/// </summary>
internal static partial class TitleExtractor
{
    /// <summary>Finds the title in the uncleaned <paramref name="document"/>.</summary>
    public static string? Find(IDocument document, PageMetadata meta)
    {
        var docTitle = Normalize(meta.DocumentTitle);
        var ogTitle = Normalize(meta.Get("og:title", "twitter:title", "dc.title", "DC.title", "title", "headline"));
        var ldTitle = Normalize(meta.JsonLd.Headline);

        var headings = new List<string>();
        foreach (var h in document.GetElementsByTagName("h1"))
        {
            var text = Normalize(h.TextContent);
            if (text is { Length: > 0 })
            {
                headings.Add(text);
            }
        }

        // A heading that the document or social title repeats is the headline, without any site suffix.
        foreach (var reference in (ReadOnlySpan<string?>)[ogTitle, ldTitle, docTitle])
        {
            if (reference is null)
            {
                continue;
            }

            foreach (var heading in headings)
            {
                if (heading.Length >= 3 && reference.Contains(heading, StringComparison.OrdinalIgnoreCase)
                    && heading.Length * 3 >= StripSite(reference).Length)
                {
                    return heading;
                }
            }
        }

        if (ldTitle is not null && (docTitle is null || docTitle.Contains(ldTitle, StringComparison.OrdinalIgnoreCase)))
        {
            return ldTitle;
        }

        if (ogTitle is not null)
        {
            return StripSite(ogTitle);
        }

        if (docTitle is not null)
        {
            return StripSite(docTitle);
        }

        return headings.Count > 0 ? headings[0] : ldTitle;
    }

    /// <summary>Removes a site name joined to the headline by a separator (" | ", " - ", " – ", " :: "...).</summary>
    internal static string StripSite(string title)
    {
        var parts = Separator().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }

        // The headline is the longest part; site names and section names are short.
        var best = parts[0];
        foreach (var part in parts)
        {
            if (part.Length > best.Length)
            {
                best = part;
            }
        }

        return WordCount(best) >= 2 || best.Length >= 8 ? best.Trim() : title;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = Whitespace().Replace(text, " ").Trim();
        return s.Length == 0 ? null : s;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+[|\-–—:·•»«/~]+\s+|\s*[|·•»«]\s*|\s::\s")]
    private static partial Regex Separator();
}
