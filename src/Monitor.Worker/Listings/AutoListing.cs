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

    public static List<ParsedItem> Find(IHtmlDocument document, Uri pageBase, TimeZoneInfo? zone, CancellationToken cancellationToken = default)
    {
        var body = document.Body;
        if (body is null)
        {
            return [];
        }

        RemoveNoise(body, cancellationToken);
        var page = UrlCanonicalizer.Canonicalize(pageBase);
        var anchors = body.QuerySelectorAll("a[href]").Where(a => IsArticleLink(a, pageBase, page)).ToList();

        // (parent, block signature) -> blocks under that parent with that signature, each holding article links.
        var groups = new Dictionary<(IElement Parent, string Signature), Dictionary<IElement, int>>();
        foreach (var anchor in anchors)
        {
            cancellationToken.ThrowIfCancellationRequested();
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

        // Looking for dates costs a walk of every block, so groups are tried from the highest score they could reach
        // (all blocks dated) down, stopping when none left can beat the best; on equal scores the group met first in
        // the page wins, as when every group was scored.
        var candidates = groups.Values
            .Select((blocks, order) => (Blocks: blocks, Order: order, Links: blocks.Values.Average()))
            .Where(g => g.Blocks.Count >= MinBlocks && g.Links <= 4)
            .OrderByDescending(g => Score(g.Blocks.Count, g.Blocks.Count, g.Links))
            .ToList();
        List<IElement>? best = null;
        var bestScore = 0.0;
        var bestOrder = int.MaxValue;
        foreach (var (blocks, order, links) in candidates)
        {
            if (Score(blocks.Count, blocks.Count, links) < bestScore)
            {
                break;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var dated = blocks.Keys.Count(b => DateIn(b, zone) is not null);
            var score = Score(blocks.Count, dated, links);
            if (score > bestScore || (score == bestScore && score > 0 && order < bestOrder))
            {
                bestScore = score;
                bestOrder = order;
                best = [.. blocks.Keys];
            }
        }

        return best is null ? [] : best.Select(b => ReadBlock(b, pageBase, page, zone)).OfType<ParsedItem>().ToList();
    }

    private static double Score(int blocks, int dated, double linksPerBlock) => blocks * (1.0 + (2.0 * dated / blocks)) / Math.Max(1.0, linksPerBlock);

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

        return TextDateFinder.Find(FeedText.Collapse(ElementText.Head(block, ElementText.DateTextLength)), zone);
    }

    private static ParsedItem? ReadBlock(IElement block, Uri pageBase, Uri page, TimeZoneInfo? zone)
    {
        var heading = block.QuerySelector("h1, h2, h3, h4, h5, h6, [class*='title']");
        var anchor = (heading is null ? null : (heading.LocalName == "a" ? heading : heading.QuerySelector("a[href]") ?? heading.Closest("a[href]")))
            ?? block.QuerySelectorAll("a[href]").Where(a => IsArticleLink(a, pageBase, page)).MaxBy(a => FeedText.Collapse(a.TextContent).Length)
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

    private static bool IsArticleLink(IElement anchor, Uri pageBase, Uri page)
    {
        // The text first: it is cheaper than resolving the link, and most links on a page fail it.
        var text = FeedText.Collapse(anchor.TextContent);
        if (text.Length == 0)
        {
            text = anchor.GetAttribute("title") ?? string.Empty;
        }

        // Article titles carry words; "Read more", "PDF", page numbers do not. CJK titles are short in characters.
        var cjk = text.Any(c => c >= '\u3000');
        if (cjk ? text.Length < 6 : text.Length < 20 || text.Count(char.IsWhiteSpace) < 2)
        {
            return false;
        }

        var link = ListingParser.HtmlLink(anchor, pageBase);
        return link is not null && link.AbsolutePath is not ("/" or "") && UrlCanonicalizer.Canonicalize(link) != page;
    }

    /// <summary>
    /// Removes navigation and page furniture: one walk down the tree (a noise element's inside is not visited), then the
    /// removals grouped by parent, since AngleSharp removes one child by scanning its parent's children.
    /// </summary>
    private static void RemoveNoise(IElement body, CancellationToken cancellationToken)
    {
        var noise = new List<IElement>();
        var pending = new Stack<(IElement Element, bool InMain, bool InArticle)>();
        pending.Push((body, false, false));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (element, inMain, inArticle) = pending.Pop();
            foreach (var child in element.Children)
            {
                var name = child.LocalName;
                var article = inArticle || name is "article" or "li" || (name == "section" && inMain);
                if (IsNoise(child, name, article))
                {
                    noise.Add(child);
                }
                else
                {
                    pending.Push((child, inMain || name == "main", article));
                }
            }
        }

        foreach (var siblings in noise.GroupBy(e => e.Parent))
        {
            if (siblings.Key is not IElement parent || siblings.Count() < 16)
            {
                foreach (var element in siblings)
                {
                    element.Remove();
                }

                continue;
            }

            var drop = siblings.ToHashSet();
            var keep = parent.ChildNodes.Where(n => n is not IElement e || !drop.Contains(e)).ToArray();
            parent.TextContent = string.Empty;
            parent.Append(keep);
        }
    }

    private static bool IsNoise(IElement element, string name, bool insideArticle)
    {
        if (name is "nav" or "aside" or "script" or "style" or "noscript" or "template" or "form"
            || (name is "header" or "footer" && !insideArticle)
            || element.GetAttribute("role") is "navigation" or "banner" or "contentinfo" or "search"
            || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var cls = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        return (cls is not null || id is not null) && NoiseName().IsMatch((element.ClassName ?? string.Empty) + " " + element.Id);
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
