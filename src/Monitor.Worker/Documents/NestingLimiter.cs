using System.Collections.Frozen;
using System.Text;

namespace Monitor.Worker.Documents;

/// <summary>
/// Keeps the HTML tree builder's stack of open elements short, in one linear pass over the markup. AngleSharp caps
/// the depth of the tree it builds, but its stack of open elements still grows with every unclosed start tag, and
/// every block start tag scans that stack: 200,000 nested <c>&lt;div&gt;</c> cost minutes of CPU. This pass follows
/// the nesting the way the tree builder will (void elements, raw text, comments, implied ends of <c>p</c>, <c>li</c>,
/// <c>dd</c>/<c>dt</c>, <c>option</c>, table cells) and drops start tags nested deeper than the limit, together with
/// their end tags: their content is kept and lands in the deepest element kept, as browsers flatten such trees.
/// Markup that never goes past the limit is returned as it is (the same instance). Pure.
/// </summary>
internal static partial class NestingLimiter
{
    private static readonly FrozenSet<string> VoidElements = FrozenSet.Create(
        StringComparer.Ordinal,
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr");

    /// <summary>Elements whose content is text up to their own end tag.</summary>
    private static readonly FrozenSet<string> RawText = FrozenSet.Create(
        StringComparer.Ordinal, "script", "style", "xmp", "iframe", "noembed", "noframes", "textarea", "title");

    /// <summary>Start tags that close an open <c>p</c> (HTML's "close a p element" list, the common part).</summary>
    private static readonly FrozenSet<string> ClosesParagraph = FrozenSet.Create(
        StringComparer.Ordinal,
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "dd", "dt");

    /// <summary>Formatting elements: the tree builder re-opens them after blocks that closed them implicitly.</summary>
    private static readonly FrozenSet<string> Formatting = FrozenSet.Create(
        StringComparer.Ordinal, "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u");

    /// <summary>Elements that end the tree builder's list of active formatting elements at their end.</summary>
    private static readonly FrozenSet<string> Markers = FrozenSet.Create(StringComparer.Ordinal, "applet", "marquee", "object", "template", "td", "th", "caption");

    /// <summary>Elements that stop the search for an open <c>p</c> ("button scope").</summary>
    private static readonly FrozenSet<string> ScopeBoundaries = FrozenSet.Create(
        StringComparer.Ordinal, "button", "table", "td", "th", "caption", "html", "applet", "marquee", "object", "template");

    /// <summary>
    /// Unclosed formatting elements tolerated before implicit closes are written out: a page that leaves dozens open
    /// makes the tree builder re-create every one of them after each paragraph (millions of elements from 1 MB).
    /// Real pages leave one or two open, and those are left to the tree builder as browsers do.
    /// </summary>
    private const int ActiveFormattingLimit = 2;

    /// <summary>
    /// Re-creations of formatting elements left to the tree builder (each block after them re-opens every one) before
    /// they are closed explicitly: two <c>&lt;b&gt;</c> left open over 200,000 paragraphs would still make 400,000
    /// elements. Real pages stay far below this, so their trees are exactly the browser's.
    /// </summary>
    private const int ReopenBudget = 5_000;


    /// <summary>Returns <paramref name="html"/> with start tags nested deeper than <paramref name="maxDepth"/> removed.</summary>
    public static string Limit(string html, int maxDepth, CancellationToken cancellationToken) => Limit(html, maxDepth, out _, cancellationToken);

    /// <summary>As <see cref="Limit(string, int, CancellationToken)"/>, counting the start tags kept in <paramref name="startTags"/>.</summary>
    public static string Limit(string html, int maxDepth, out int startTags, CancellationToken cancellationToken)
    {
        var state = new State(html, maxDepth);
        var i = 0;
        var nextCheck = 1 << 16;
        while (i < html.Length)
        {
            if (i >= nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nextCheck = i + (1 << 16);
            }

            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!')
            {
                i = string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0 ? After(html, lt + 2, "-->") : After(html, lt + 2, ">");
            }
            else if (next == '?')
            {
                i = After(html, lt + 2, ">");
            }
            else if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
            {
                var (name, end, _) = ReadTag(html, lt + 2);
                state.EndTag(name, lt, end);
                i = end;
            }
            else if (char.IsAsciiLetter(next))
            {
                var (name, end, selfClosing) = ReadTag(html, lt + 1);
                if (end >= html.Length && html[^1] != '>')
                {
                    // A tag cut off by the end of the document is dropped by the tokenizer.
                    break;
                }

                if (name == "plaintext")
                {
                    state.StartTag(name, lt, end, selfClosing);
                    break;
                }

                state.StartTag(name, lt, end, selfClosing);
                i = RawText.Contains(name) ? EndOfRawText(html, end, name) : end;
            }
            else
            {
                i = lt + 1;
            }
        }

        startTags = state.StartTags;
        return state.Result();
    }

    /// <summary>Reads a tag name (lower-cased) and its attributes up to the closing <c>&gt;</c>.</summary>
    private static (string Name, int End, bool SelfClosing) ReadTag(string html, int start)
    {
        var j = start;
        while (j < html.Length && !char.IsWhiteSpace(html[j]) && html[j] is not ('/' or '>'))
        {
            j++;
        }

        var name = TagName(html.AsSpan(start, j - start));
        var selfClosing = false;
        while (j < html.Length)
        {
            var c = html[j];
            if (c == '>')
            {
                return (name, j + 1, selfClosing);
            }

            if (c == '/')
            {
                selfClosing = true;
                j++;
                continue;
            }

            selfClosing = false;
            if (c == '=')
            {
                j++;
                while (j < html.Length && char.IsWhiteSpace(html[j]))
                {
                    j++;
                }

                if (j < html.Length && html[j] is '"' or '\'')
                {
                    var close = html.IndexOf(html[j], j + 1);
                    j = close < 0 ? html.Length : close + 1;
                    continue;
                }
            }

            j++;
        }

        return (name, html.Length, false);
    }

    private static string TagName(ReadOnlySpan<char> raw)
    {
        // Tag names repeat: the common ones come from one table instead of a new string each time.
        Span<char> lower = raw.Length <= 32 ? stackalloc char[raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        return Names.TryGetValue(lower, out var known) ? known : lower.ToString();
    }

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Names =
        new[]
        {
            "a", "abbr", "address", "article", "aside", "b", "blockquote", "body", "br", "button", "caption", "center", "code",
            "dd", "details", "div", "dl", "dt", "em", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
            "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe", "img", "input", "label", "li", "link", "main",
            "math", "menu", "meta", "nav", "noscript", "ol", "optgroup", "option", "p", "pre", "script", "section", "select",
            "small", "source", "span", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template",
            "textarea", "tfoot", "th", "thead", "time", "title", "tr", "u", "ul",
        }.ToFrozenDictionary(n => n, n => n, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static int After(string html, int from, string terminator)
    {
        var end = html.IndexOf(terminator, from, StringComparison.Ordinal);
        return end < 0 ? html.Length : end + terminator.Length;
    }

    private static int EndOfRawText(string html, int from, string name)
    {
        var i = from;
        while (true)
        {
            var close = html.IndexOf("</", i, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            var after = close + 2 + name.Length;
            if (after <= html.Length && html.AsSpan(close + 2, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || char.IsWhiteSpace(html[after]) || html[after] is '/' or '>'))
            {
                return close;
            }

            i = close + 2;
        }
    }
}
