using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Removes what is never article text before scoring: scripts and media, navigation and sidebars, hidden elements,
/// and blocks whose class or id names them as furniture (comments, share bars, cookie banners, related links).
/// </summary>
internal static class DomCleaner
{
    /// <summary>Inline tags: their class names describe a word, not a block, so hints are not applied to them.</summary>
    private static readonly HashSet<string> InlineTags = new(StringComparer.Ordinal)
    {
        "a", "span", "em", "strong", "b", "i", "u", "small", "sup", "sub", "abbr", "time", "font", "mark", "cite", "q",
        "code", "s", "strike", "del", "ins", "var", "kbd", "bdi", "bdo", "wbr", "br",
    };

    /// <summary>Cleans <paramref name="root"/> in place.</summary>
    public static void Clean(IElement root)
    {
        var total = Math.Max(1, CountText(root));
        var paragraphs = Math.Max(1, CountParagraphText(root, inParagraph: false));
        CleanChildren(root, total, paragraphs);
    }

    private static void CleanChildren(IElement parent, int total, int paragraphs)
    {
        var child = parent.FirstElementChild;
        while (child is not null)
        {
            var next = child.NextElementSibling;
            if (ShouldRemove(child, total, paragraphs))
            {
                child.Remove();
            }
            else
            {
                CleanChildren(child, total, paragraphs);
            }

            child = next;
        }
    }

    private static bool ShouldRemove(IElement element, int total, int paragraphs)
    {
        var name = element.LocalName;
        if (BoilerplateHints.JunkTags.Contains(name))
        {
            // A page that wraps everything in one <aside>/<footer> would lose its text: keep such giants.
            return !(name is "aside" or "footer" or "menu" or "noscript")
                || (CountText(element) < total / 2 && CountParagraphText(element, inParagraph: false) * 2 < paragraphs);
        }

        if (element.HasAttribute("hidden") || element.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = element.GetAttribute("style");
        if (style is not null && BoilerplateHints.HiddenStyle().IsMatch(style))
        {
            return true;
        }

        var role = element.GetAttribute("role");
        if (role is not null && BoilerplateHints.JunkRoles.Contains(role))
        {
            return CountText(element) < total / 2;
        }

        // The page header goes; an article's own header (headline, byline, lead) stays for the scorer to judge.
        if (name == "header" && element.Closest("article, main, [itemprop='articleBody']") is null)
        {
            return CountText(element) < total / 3;
        }

        if (InlineTags.Contains(name) || name is "body" or "html")
        {
            return false;
        }

        var hint = Hint(element);
        if (hint.Length == 0 || element.GetAttribute("itemprop") == "articleBody")
        {
            return false;
        }

        // An <article> or <main> is content by its tag; only a comment thread dressed as one is dropped.
        if (name is "article" or "main")
        {
            return BoilerplateHints.CommentWord().IsMatch(hint) && CountText(element) < total * 7 / 10;
        }

        if (BoilerplateHints.CommentWord().IsMatch(hint))
        {
            return CountText(element) < total * 7 / 10;
        }

        // A furniture name on a wrapper that holds most of the page's paragraphs is a layout accident
        // (an "ad-column" or "sidebar-pusher" around the article): keep it.
        if (BoilerplateHints.StrongNegative().IsMatch(hint))
        {
            return CountParagraphText(element, inParagraph: false) * 2 < paragraphs && CountText(element) < total * 7 / 10;
        }

        if (BoilerplateHints.WeakNegative().IsMatch(hint) && !BoilerplateHints.Positive().IsMatch(hint))
        {
            return CountParagraphText(element, inParagraph: false) * 10 < paragraphs * 3 && CountText(element) < total / 2;
        }

        return false;
    }

    /// <summary>The class and id of an element, the words that hint at its role.</summary>
    internal static string Hint(IElement element)
    {
        var cls = element.GetAttribute("class");
        if (cls is not null && cls.Contains('-', StringComparison.Ordinal))
        {
            // CMS taxonomy classes (tag-books, category-news, fact_check_rating-x) name the topic, not the block.
            cls = BoilerplateHints.TaxonomyClass().Replace(cls, " ");
        }

        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return cls ?? string.Empty;
        }

        return string.IsNullOrEmpty(cls) ? id : cls + " " + id;
    }

    /// <summary>Counts non-whitespace characters inside <c>&lt;p&gt;</c> elements below <paramref name="node"/>.</summary>
    internal static int CountParagraphText(INode node, bool inParagraph)
    {
        var count = 0;
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                count += inParagraph ? TextStats.CountNonSpace(text.Data) : 0;
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style"))
            {
                count += CountParagraphText(element, inParagraph || element.LocalName == "p");
            }
        }

        return count;
    }

    /// <summary>Counts non-whitespace characters of the text below <paramref name="node"/>.</summary>
    internal static int CountText(INode node)
    {
        var count = 0;
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                count += TextStats.CountNonSpace(text.Data);
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style"))
            {
                count += CountText(element);
            }
        }

        return count;
    }
}
