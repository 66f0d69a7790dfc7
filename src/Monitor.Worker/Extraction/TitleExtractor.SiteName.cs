using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>Telling the headline from the site name in document titles and headings.</summary>
internal static partial class TitleExtractor
{
    /// <summary>
    /// The parts of a document title that name the site: the part after the last separator ("Headline - Site"), and
    /// a short first part before "|", "»" or ":" ("Site | Headline").
    /// </summary>
    private static List<string> SiteParts(string? docTitle, List<string> headings)
    {
        var parts = new List<string>();
        if (docTitle is null)
        {
            return parts;
        }

        var separators = SiteSeparator().Matches(docTitle);
        if (separators.Count == 0)
        {
            return parts;
        }

        // The page's own headings tell which side of the separator is which: when two parts of the title are
        // printed as headings, the first one printed is the site's logo; when one is, it is the headline.
        var pieces = SiteSeparator().Split(docTitle).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        var printed = new List<string>();
        foreach (var heading in headings)
        {
            var piece = pieces.Find(p => p.Equals(heading, StringComparison.OrdinalIgnoreCase));
            if (piece is not null && !printed.Contains(piece))
            {
                printed.Add(piece);
            }
        }

        if (printed.Count >= 2)
        {
            // Both sides printed: "Headline | Site" unless the title reads "Site » Headline".
            var firstMark = separators[0].Value.Trim();
            parts.Add(firstMark.StartsWith('»') || firstMark.StartsWith('›') ? pieces[0] : pieces[^1]);
            return parts;
        }

        if (printed.Count == 1)
        {
            return parts;
        }

        var first = separators[0];
        var head = docTitle[..first.Index].Trim();
        var mark = first.Value.Trim();
        if (mark.Length > 0 && mark[0] is '|' or '»' or '·' or '•' or ':' && head.Split(' ').Length <= 3
            && head.Length < docTitle.Length - first.Index - first.Length)
        {
            parts.Add(head);
            return parts;
        }

        foreach (Match separator in separators)
        {
            parts.Add(docTitle[(separator.Index + separator.Length)..].Trim());
        }

        return parts;
    }

    /// <summary>The texts of the first h1 and h2 headings, in document order.</summary>
    private static List<string> Headings(IDocument document, out List<string> h1Texts)
    {
        var texts = new List<string>();
        h1Texts = [];
        foreach (var heading in document.QuerySelectorAll("h1, h2"))
        {
            if (texts.Count >= MaxHeadings * 2)
            {
                break;
            }

            var text = Normalize(heading.TextContent);
            if (text is not null)
            {
                texts.Add(text);
                if (heading.LocalName == "h1")
                {
                    h1Texts.Add(text);
                }
            }
        }

        return texts;
    }

    /// <summary>
    /// A heading that wraps a known title in a kicker or section label ("Local News | Headline") is cut to that title.
    /// </summary>
    private static string TrimToReference(string heading, params ReadOnlySpan<string?> references)
    {
        var folded = Fold(heading);
        foreach (var reference in references)
        {
            if (reference is null || reference.Length >= heading.Length || reference.Length * 10 < heading.Length * 6)
            {
                continue;
            }

            // Only a leading kicker or a trailing "| Site" is cut: other extra words belong to the headline.
            var index = folded.IndexOf(Fold(reference), StringComparison.OrdinalIgnoreCase);
            var end = index + reference.Length;
            if (index >= 0 && (end == heading.Length || heading.AsSpan(end).TrimStart().StartsWith("|")))
            {
                return heading.Substring(index, reference.Length).Trim();
            }
        }

        return heading;
    }

    /// <summary>Maps typographic dashes and quotes to ASCII, one character for one, so indexes still match.</summary>
    private static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = source[i] switch
            {
                '–' or '—' or '‐' or '‑' => '-',
                '’' or '‘' or '´' or '`' => '\'',
                '“' or '”' or '„' or '«' or '»' => '"',
                '\u00A0' => ' ',
                var c => c,
            };
        }
    });

    /// <summary>Removes a site name joined to the headline by a separator (" | ", " - ", " – ", " :: "...).</summary>
    internal static string StripSite(string title)
    {
        var parts = Separator().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }

        // Most titles put the headline first ("Headline | Site"); a short first part followed by a longer rest is a
        // site name in front ("Site | Headline"). Otherwise the longest part is the headline.
        var first = parts[0].Trim();
        var rest = title.Length - parts[0].Length;
        if (first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4 || first.Length >= rest)
        {
            return first;
        }

        var best = parts.MaxBy(p => p.Length)!;
        return best.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 || best.Length >= 8 ? best.Trim() : title;
    }

    [GeneratedRegex(@"\s+[|\-–—·•»«/~]+\s+|\s*[|·•»«｜]\s*|\s::\s")]
    private static partial Regex Separator();

    [GeneratedRegex(@"\s+[|\-–—·•»«/~:]+\s+|\s*[|·•»«｜]\s*|\s::\s")]
    private static partial Regex SiteSeparator();
}
