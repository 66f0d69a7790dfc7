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
    public static IReadOnlySet<IElement> Clean(IElement root) => Clean(root, new TextCounts(root));

    /// <summary>
    /// Finds the elements to drop below <paramref name="root"/>, with text sizes measured before. The DOM is left as
    /// it is: detaching thousands of nodes costs more in AngleSharp than skipping them later.
    /// </summary>
    public static IReadOnlySet<IElement> Clean(IElement root, TextCounts counts)
    {
        var total = Math.Max(1, counts.Text(root));
        var paragraphs = Math.Max(1, counts.Paragraph(root));
        var context = new Context(counts, total, paragraphs);
        CleanChildren(root, context);
        return context.Removed;
    }

    private static void CleanChildren(IElement parent, Context context)
    {
        foreach (var child in parent.Children)
        {
            if (ShouldRemove(child, context))
            {
                context.Removed.Add(child);
            }
            else
            {
                CleanChildren(child, context);
            }
        }
    }

    private static bool ShouldRemove(IElement element, Context context)
    {
        var total = context.Total;
        var paragraphs = context.Paragraphs;
        int CountText(IElement e) => context.Counts.Text(e);
        int CountParagraphText(IElement e, bool inParagraph) => context.Counts.Paragraph(e);

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

        // Paywalls hide the article body with an inline style until a script reveals it: hidden blocks holding
        // most of the page's paragraphs stay.
        var style = element.GetAttribute("style");
        if (style is not null && BoilerplateHints.HiddenStyle().IsMatch(style))
        {
            return context.Counts.Paragraph(element) * 2 < context.Paragraphs && context.Counts.Text(element) * 10 < context.Total * 4;
        }

        var role = element.GetAttribute("role");
        if (role is not null && BoilerplateHints.JunkRoles.Contains(role))
        {
            return CountText(element) < total / 2;
        }

        // The page header goes; an article's own header (headline, byline, lead) stays for the scorer to judge.
        if (name == "header" && !InsideArticle(element))
        {
            return CountText(element) < total / 3;
        }

        if (InlineTags.Contains(name) || name is "body" or "html")
        {
            return false;
        }

        var raw = RawHint(element);
        if (raw.Length == 0 || element.GetAttribute("itemprop") == "articleBody")
        {
            return false;
        }

        var kind = context.Classify(raw);
        if (kind == HintKind.None)
        {
            return false;
        }

        // An <article> or <main> is content by its tag; only a comment thread dressed as one is dropped.
        if (name is "article" or "main")
        {
            return kind == HintKind.Comment && CountText(element) < total * 7 / 10;
        }

        return kind switch
        {
            HintKind.Comment => CountText(element) < total * 7 / 10,

            // A furniture name on a wrapper that holds most of the page's paragraphs is a layout accident
            // (an "ad-column" or "sidebar-pusher" around the article): keep it.
            HintKind.Strong => CountParagraphText(element, inParagraph: false) * 2 < paragraphs && CountText(element) < total * 7 / 10,
            HintKind.Weak => CountParagraphText(element, inParagraph: false) * 10 < paragraphs * 3 && CountText(element) < total / 2,
            _ => CountParagraphText(element, inParagraph: false) * 20 < paragraphs && CountText(element) * 10 < total,
        };
    }

    /// <summary>
    /// The last word of each class token ("entry-meta" → "meta", "post-content" → "content"): in BEM-style names the
    /// last word says what the block is, the first says what it belongs to.
    /// </summary>
    internal static string RoleWords(string hint)
    {
        var words = new System.Text.StringBuilder(hint.Length);
        foreach (var token in hint.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = token.LastIndexOfAny(['-', '_']);
            var role = cut >= 0 && cut < token.Length - 1 && !char.IsAsciiDigit(token[cut + 1]) ? token[(cut + 1)..] : token;
            words.Append(role).Append(' ');
        }

        return words.ToString();
    }

    private static bool InsideArticle(IElement element)
    {
        for (var e = element.ParentElement; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "article" or "main" || e.GetAttribute("itemprop") == "articleBody")
            {
                return true;
            }
        }

        return false;
    }

    private enum HintKind
    {
        None,
        Comment,
        Strong,
        Weak,
        WeakOwned,
    }

    /// <summary>Per-page state: text sizes, and the verdict on each distinct class/id string (pages repeat them).</summary>
    private sealed record Context(TextCounts Counts, int Total, int Paragraphs)
    {
        private readonly Dictionary<string, HintKind> _kinds = new(StringComparer.Ordinal);

        public HashSet<IElement> Removed { get; } = new(ReferenceEqualityComparer.Instance);

        public HintKind Classify(string raw)
        {
            if (!_kinds.TryGetValue(raw, out var kind))
            {
                kind = MayBeFurniture(raw) ? Kind(StripTaxonomy(raw)) : HintKind.None;
                _kinds[raw] = kind;
            }

            return kind;
        }

        private static HintKind Kind(string hint)
        {
            if (BoilerplateHints.CommentWord().IsMatch(hint))
            {
                return HintKind.Comment;
            }

            if (BoilerplateHints.StrongNegative().IsMatch(hint))
            {
                return HintKind.Strong;
            }

            if (!BoilerplateHints.WeakNegative().IsMatch(hint) || BoilerplateHints.Positive().IsMatch(RoleWords(hint)))
            {
                return HintKind.None;
            }

            // "entry-meta", "post-author": a content word in front only says whose furniture it is.
            return BoilerplateHints.Positive().IsMatch(hint) ? HintKind.WeakOwned : HintKind.Weak;
        }
    }

    private static bool MayBeFurniture(string hint)
        => BoilerplateHints.StrongNegative().IsMatch(hint) || BoilerplateHints.WeakNegative().IsMatch(hint)
            || BoilerplateHints.CommentWord().IsMatch(hint);

    /// <summary>The class and id of an element as written.</summary>
    internal static string RawHint(IElement element)
    {
        var cls = element.GetAttribute("class");
        var id = element.Id;
        if (string.IsNullOrEmpty(id))
        {
            return cls ?? string.Empty;
        }

        return string.IsNullOrEmpty(cls) ? id : cls + " " + id;
    }

    /// <summary>The class and id of an element, the words that hint at its role.</summary>
    internal static string Hint(IElement element) => StripTaxonomy(RawHint(element));

    /// <summary>Removes CMS taxonomy class tokens (tag-books, category-news, fact_check_rating-x): they name the
    /// topic, not the block.</summary>
    internal static string StripTaxonomy(string hint)
        => hint.Contains('-', StringComparison.Ordinal) ? BoilerplateHints.TaxonomyClass().Replace(hint, " ") : hint;

    /// <summary>Counts non-whitespace characters inside <c>&lt;p&gt;</c> elements below <paramref name="node"/>.</summary>
    internal static int CountParagraphText(INode node, bool inParagraph)
    {
        var count = 0;
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
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
        var children = node.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
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
