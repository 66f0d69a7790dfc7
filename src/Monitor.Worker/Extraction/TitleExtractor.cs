using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Picks the headline as the page shows it: the main <c>&lt;h1&gt;</c> unless it is the site's logo, else an
/// <c>&lt;h2&gt;</c> that the document title confirms, else the meta/document title without its site-name part.
/// </summary>
internal static partial class TitleExtractor
{
    private const int MaxHeadings = 12;

    /// <summary>Finds the title in the uncleaned <paramref name="document"/>.</summary>
    public static string? Find(IDocument document, PageMetadata meta)
    {
        var docTitle = Normalize(meta.DocumentTitle);
        var ogTitle = Normalize(meta.Get("og:title", "twitter:title", "dc.title", "DC.title", "headline"));
        var ldTitle = Normalize(meta.JsonLd.Headline);
        var siteName = Normalize(meta.Get("og:site_name", "application-name", "publisher"));
        var reference = ogTitle ?? ldTitle ?? docTitle;
        var referenceWords = Words(string.Join(' ', ogTitle, ldTitle, docTitle));
        var headlineWords = Words(string.Join(' ', ogTitle is null ? null : StripSite(ogTitle), ldTitle, docTitle is null ? null : StripSite(docTitle)));
        var headings = Headings(document, out var h1Texts);
        foreach (var heading in h1Texts)
        {
            // A main heading that repeats the social or structured-data headline word for word is the headline.
            if ((ogTitle is not null && heading.Equals(ogTitle, StringComparison.OrdinalIgnoreCase) && StripSite(ogTitle) == ogTitle)
                || (meta.JsonLd.IsArticle && heading.Equals(ldTitle, StringComparison.OrdinalIgnoreCase)))
            {
                return heading;
            }
        }

        var siteParts = SiteParts(docTitle, headings);

        var h1 = Best(document, "h1", headlineWords, siteName, siteParts, requireOverlap: false);
        if (h1 is not null)
        {
            var pipe = docTitle?.LastIndexOf(" | ", StringComparison.Ordinal) ?? -1;
            return TrimToReference(h1, ogTitle, ldTitle, pipe > 0 ? docTitle![..pipe] : null);
        }

        var h2 = Best(document, "h2", headlineWords, siteName, siteParts, requireOverlap: true);
        if (h2 is not null)
        {
            return h2;
        }

        if (ldTitle is not null && (docTitle is null || docTitle.Contains(ldTitle, StringComparison.OrdinalIgnoreCase)))
        {
            return ldTitle;
        }

        return reference is null ? null : StripSite(reference);
    }

    private static string? Best(IDocument document, string tag, HashSet<string> referenceWords, string? siteName, List<string> siteParts, bool requireOverlap)
    {
        string? best = null;
        var bestScore = double.MinValue;
        var seen = 0;
        var candidates = 0;
        foreach (var heading in document.GetElementsByTagName(tag))
        {
            if (++seen > MaxHeadings)
            {
                break;
            }

            var text = Normalize(heading.TextContent);
            if (text is not null)
            {
                // A dateline printed inside the heading ("1. Februar 2022 Headline") is not part of the headline.
                var dated = LeadingDate().Match(text);
                text = dated.Success && text.Length - dated.Length >= 10 ? text[dated.Length..] : text;
            }

            if (text is null || text.Length < 2 || text.Length > 300)
            {
                continue;
            }

            var words = Words(text);
            var overlap = words.Count == 0 ? 0 : (double)words.Count(referenceWords.Contains) / words.Count;
            if ((requireOverlap && overlap < 0.5) || (overlap < 0.6 && InSiteFurniture(heading)))
            {
                continue;
            }

            // A heading that shares no word with a long document title is a section label or dateline.
            if (overlap == 0 && referenceWords.Count >= 6)
            {
                continue;
            }

            candidates++;

            // Earlier headings win ties: the headline comes before sub-headings and teasers. The site's name is a
            // candidate of last resort only, to tell which side of "Site | Headline" is which.
            var score = overlap - (seen * 0.01) - (IsSiteText(text, siteName, siteParts) ? 2 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = text;
            }
        }

        // Several headings of which none echoes the document title are menu or widget titles, not a headline.
        if (bestScore < -1)
        {
            return null;
        }

        return candidates > 1 && bestScore <= 0 && referenceWords.Count > 0 ? null : best;
    }

    private static bool IsSiteText(string text, string? siteName, List<string> siteParts)
    {
        if (siteName is not null && text.Equals(siteName, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in siteParts)
        {
            if (text.Equals(part, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InSiteFurniture(IElement heading)
    {
        var element = heading;
        for (var level = 0; level < 4 && element is not null; level++, element = element.ParentElement)
        {
            if (element.LocalName is "nav" or "footer" or "aside" || element.GetAttribute("role") is "banner" or "navigation")
            {
                return true;
            }

            var hint = DomCleaner.Hint(element);
            if (hint.Length > 0 && SiteHint().IsMatch(hint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The content words of a text (four letters or more, so that articles and prepositions do not count
    /// as overlap), or all its words when it has no long ones.</summary>
    private static HashSet<string> Words(string text)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var all = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Word().Matches(text))
        {
            all.Add(m.Value);
            if (m.Value.Length >= 4)
            {
                set.Add(m.Value);
            }
        }

        return set.Count > 0 ? set : all;
    }

    private static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim();
        return s.Length == 0 ? null : s;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\d{1,2}\.\s*\p{L}+\.?\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{4}-\d{2}-\d{2}|\p{L}+\s+\d{1,2},\s+\d{4})\s*[-–|:·]?\s+")]
    private static partial Regex LeadingDate();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Word();

    [GeneratedRegex(@"logo|brand|site-?title|site-?name|sitename|masthead|blog-?title|blog-?name|site-?header|page-?header__logo|header-?logo", RegexOptions.IgnoreCase)]
    private static partial Regex SiteHint();
}
