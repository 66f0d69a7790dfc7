using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Monitor.Worker.Feeds;
using Monitor.Worker.Items;

namespace Monitor.Worker.Listings;

/// <summary>
/// Finds the list of articles on a listing page without selectors. Navigation is removed first (nav, page-level
/// header/footer, aside, menus, breadcrumbs, pagination, social links); then every title-bearing link votes for the
/// repeated sibling blocks that contain it, and the best group of blocks wins: many blocks, each with one or two
/// article links, most of them dated. Pure.
/// </summary>
internal static partial class AutoListing
{
    private const int MinBlocks = 2;

    public static List<ParsedItem> Find(IHtmlDocument document, Uri pageBase, TimeZoneInfo? zone)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        RemoveNoise(body);
        var anchors = body.QuerySelectorAll("a[href]").Where(a => IsArticleLink(a, pageBase)).ToList();

        // (parent, block signature) -> blocks under that parent with that signature, each holding article links.
        var groups = new Dictionary<(IElement Parent, string Signature), Dictionary<IElement, int>>();
        foreach (var anchor in anchors)
        {
            var element = anchor;
            for (var depth = 0; depth < 7 && element.ParentElement is { } parent && element != body; depth++)
            {
                var key = (parent, Signature(element));
                if (!groups.TryGetValue(key, out var blocks))
                {
                    groups[key] = blocks = new Dictionary<IElement, int>();
                }

                blocks[element] = blocks.GetValueOrDefault(element) + 1;
                element = parent;
            }
        }

        List<IElement>? best = null;
        var bestScore = 0.0;
        foreach (var blocks in groups.Values)
        {
            if (blocks.Count < MinBlocks)
            {
                continue;
            }

            var linksPerBlock = blocks.Values.Average();
            if (linksPerBlock > 4)
            {
                continue;
            }

            var dated = blocks.Keys.Count(b => DateIn(b, zone) is not null);
            var score = blocks.Count * (1.0 + (2.0 * dated / blocks.Count)) / Math.Max(1.0, linksPerBlock);
            if (score > bestScore)
            {
                bestScore = score;
                best = [.. blocks.Keys];
            }
        }

        return best is null ? [] : best.Select(b => ReadBlock(b, pageBase, zone)).OfType<ParsedItem>().ToList();
    }

    /// <summary>The date shown in a block: a <c>time</c> element, a date-classed element, else any date in its text.</summary>
    internal static DateTimeOffset? DateIn(IElement block, TimeZoneInfo? zone)
    {
        foreach (var element in block.QuerySelectorAll("time, [class*='date'], [class*='Date'], [class*='time'], [itemprop='datePublished']"))
        {
            if (ListingParser.DateOf(element, zone) is { } date)
            {
                return date;
            }
        }

        return TextDateFinder.Find(FeedText.Collapse(block.TextContent), zone);
    }

    private static ParsedItem? ReadBlock(IElement block, Uri pageBase, TimeZoneInfo? zone)
    {
        var heading = block.QuerySelector("h1, h2, h3, h4, h5, h6, [class*='title']");
        var anchor = (heading is null ? null : (heading.LocalName == "a" ? heading : heading.QuerySelector("a[href]") ?? heading.Closest("a[href]")))
            ?? block.QuerySelectorAll("a[href]").Where(a => IsArticleLink(a, pageBase)).MaxBy(a => FeedText.Collapse(a.TextContent).Length)
            ?? (block.LocalName == "a" ? block : null);
        var link = ListingParser.HtmlLink(anchor, pageBase);
        if (link is null)
        {
            return null;
        }

        var title = FeedText.Plain(heading?.TextContent, mayBeHtml: false) ?? FeedText.Plain(anchor!.TextContent, mayBeHtml: false);
        var summary = block.QuerySelectorAll("p")
            .Select(p => FeedText.Collapse(p.TextContent))
            .FirstOrDefault(t => t.Length >= 40 && t != title);
        return new ParsedItem(null, title, link, DateIn(block, zone), summary);
    }

    private static bool IsArticleLink(IElement anchor, Uri pageBase)
    {
        var link = ListingParser.HtmlLink(anchor, pageBase);
        if (link is null || link.AbsolutePath is "/" or "" || UrlCanonicalizer.Canonicalize(link) == UrlCanonicalizer.Canonicalize(pageBase))
        {
            return false;
        }

        var text = FeedText.Collapse(anchor.TextContent);
        if (text.Length == 0)
        {
            text = anchor.GetAttribute("title") ?? string.Empty;
        }

        // Article titles carry words; "Read more", "PDF", page numbers do not. CJK titles are short in characters.
        var cjk = text.Any(c => c >= '\u3000');
        return cjk ? text.Length >= 6 : text.Length >= 20 && text.Count(char.IsWhiteSpace) >= 2;
    }

    private static void RemoveNoise(IElement body)
    {
        var noise = body.QuerySelectorAll(
            "nav, aside, script, style, noscript, template, form, [role='navigation'], [role='banner'], [role='contentinfo'], [role='search'], [aria-hidden='true']")
            .Concat(body.QuerySelectorAll("header, footer").Where(e => e.Closest("article, li, main section") is null))
            .Concat(body.QuerySelectorAll("[class], [id]").Where(e => NoiseName().IsMatch((e.ClassName ?? string.Empty) + " " + e.Id)))
            .ToList();
        foreach (var element in noise)
        {
            element.Remove();
        }
    }

    private static string Signature(IElement element)
    {
        var firstClass = element.ClassList.Length > 0 ? element.ClassList[0] : string.Empty;
        return element.LocalName + "." + firstClass;
    }

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|navigation|menu|menubar|breadcrumbs?|pagination|pager|paging|footer|site-header|masthead|sidebar|social|share|sharing|cookies?|skip|toolbar|topbar|language-switcher|lang-switch)([\s_-]|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex NoiseName();
}
