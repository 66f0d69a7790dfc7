using System.Text;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Writes the chosen elements as plain text, one block per paragraph, heading, list item or table row, separated by
/// a blank line; drops link lists, figures and furniture lines met inside the content on the way.
/// </summary>
internal sealed partial class TextRenderer
{
    /// <summary>Blocks rendered at most: far more than any article, and the later rules run once per block.</summary>
    public const int MaxBlocks = 5_000;

    /// <summary>Characters rendered at most (an article is tens of kilobytes; a 10 MB text is not one).</summary>
    public const int MaxCharacters = 1_000_000;

    private int _characters;

    private readonly ContentScorer? _scorer;
    private readonly List<string> _blocks = [];
    private readonly StringBuilder _current = new();
    private bool _pendingSpace;

    private int _total;

    private TextRenderer(ContentScorer? scorer) => _scorer = scorer;

    /// <summary>Renders <paramref name="elements"/> to blocks of text.</summary>
    public static List<string> Render(ContentScorer scorer, IEnumerable<IElement> elements)
    {
        var renderer = new TextRenderer(scorer);
        foreach (var element in elements)
        {
            renderer._total += scorer.Stats(element).Text;
        }

        foreach (var element in elements)
        {
            renderer.Visit(element);
            renderer.Flush();
        }

        return DropPromotions(CutRelated(renderer._blocks));
    }

    /// <summary>
    /// Drops short teaser lines anywhere, and short calls to action (subscribe, follow, download the app) in the last
    /// third of the text, where templates put them.
    /// </summary>
    private static List<string> DropPromotions(List<string> blocks)
    {
        var tail = blocks.Count * 2 / 3;
        var kept = new List<string>(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var promotion = block.Length < 250 && BoilerplateHints.TeaserLine().IsMatch(block);
            promotion |= block.Length < 120 && BoilerplateHints.AgencyCredit().IsMatch(block);
            promotion |= i >= tail && i > 0 && block.Length < 160 && BoilerplateHints.CallToAction().IsMatch(block);

            // A short label closing the text ("Kontakt:", "Quellen:") introduces furniture.
            promotion |= i >= tail && i > 0 && block.Length <= 30 && block.EndsWith(':');
            promotion |= (i == 0 || i >= blocks.Count - 2) && block.Length < 300 && BoilerplateHints.Disclosure().IsMatch(block);
            promotion |= block.Length < 80 && BoilerplateHints.LabelLine().IsMatch(block);
            promotion |= block.Length < 300 && BoilerplateHints.TagList().IsMatch(block);

            // "Views: 12 | Tags: x | Comments" or "Imprint | Privacy | Copyright": a bar of labels, not a sentence.
            promotion |= block.Length < 150 && CountOf(block, " | ") >= 2;

            // A line that is little more than a date or a time is a dateline.
            promotion |= block.Length < 50 && block.Split(' ').Length <= 6 && !block.Contains('。', StringComparison.Ordinal)
                && (DateTextParser.FindInText(block, monthFirst: false) is not null || ClockLine().IsMatch(block));
            if (!promotion)
            {
                kept.Add(block);
            }
        }

        return kept;
    }

    /// <summary>Renders one element as a single block, whatever the cleaner decided about it (the article's lead).</summary>
    public static string RenderWhole(IElement element)
    {
        var renderer = new TextRenderer(null);
        renderer.AppendAll(element);
        return renderer._current.ToString().Trim();
    }

    private void AppendAll(IElement element)
    {
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                Append(text.Data, preformatted: false);
            }
            else if (child is IElement e && e.LocalName is not ("script" or "style" or "noscript" or "template" or "button"))
            {
                _pendingSpace |= HtmlTags.Block.Contains(e.LocalName) && _current.Length > 0;
                AppendAll(e);
            }
        }
    }

    /// <summary>Drops a "related articles" heading in the second half of the text and everything after it.</summary>
    private static List<string> CutRelated(List<string> blocks)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].Length < 80 && BoilerplateHints.RelatedHeading().IsMatch(blocks[i]))
            {
                if (i > 0 && i >= blocks.Count / 2)
                {
                    blocks.RemoveRange(i, blocks.Count - i);
                    break;
                }

                blocks.RemoveAt(i--);
            }
        }

        return blocks;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}:\d{2}( ?[ap]\.?m\.?)?( uhr)?$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ClockLine();

    private void Visit(IElement element)
    {
        var name = element.LocalName;
        if (_blocks.Count >= MaxBlocks || _characters >= MaxCharacters || Skip(element, name))
        {
            return;
        }

        var block = HtmlTags.Block.Contains(name);
        if (block)
        {
            Flush();
        }

        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText text)
            {
                Append(text.Data, name is "pre" or "code");
            }
            else if (child is IElement c)
            {
                if (c.LocalName == "br")
                {
                    LineBreak();
                }
                else
                {
                    Visit(c);
                    if (c.LocalName is "td" or "th")
                    {
                        _pendingSpace = _current.Length > 0;
                    }
                }
            }
        }

        if (block)
        {
            Flush();
        }
    }

    private bool Skip(IElement element, string name)
    {
        if (name is "figcaption" or "h1")
        {
            return true;
        }

        var s = _scorer!.Stats(element);
        if (s.Text == 0)
        {
            return true;
        }

        // A list of links that is most of the content is the content (a link roundup), not navigation.
        var density = s.Text * 2 > _total ? 0 : s.LinkDensity;
        return name switch
        {
            "ul" or "ol" or "dl" or "nav" or "table" or "div" or "section" or "form" => density > 0.5 && s.Text < 2000,
            "p" or "li" or "dd" => density > 0.8 && s.Text < 200,
            _ => false,
        };
    }

    private void Append(string data, bool preformatted)
    {
        foreach (var c in data)
        {
            if (c == '\n' && preformatted)
            {
                LineBreak();
            }
            else if (c is '\uFEFF')
            {
                // A stray byte-order mark inside the text is an encoding artefact. Soft hyphens (U+00AD) are kept:
                // they are part of the page's text, and consumers that tokenise strip them.
            }
            else if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                _pendingSpace = _current.Length > 0;
            }
            else
            {
                if (_pendingSpace && _current.Length > 0 && _current[^1] != '\n')
                {
                    _current.Append(' ');
                }

                _pendingSpace = false;
                _current.Append(c);
            }
        }
    }

    private void LineBreak()
    {
        if (_current.Length > 0 && _current[^1] != '\n')
        {
            _current.Append('\n');
        }

        _pendingSpace = false;
    }

    private void Flush()
    {
        _pendingSpace = false;
        if (_current.Length == 0)
        {
            return;
        }

        var text = _current.ToString().Trim();
        _current.Clear();
        _characters += text.Length;
        // "Related articles" headings stay until CutRelated has seen them: they mark where the article ends.
        var related = text.Length < 80 && BoilerplateHints.RelatedHeading().IsMatch(text);
        if (text.Length > 0 && (related || !(text.Length < 60 && BoilerplateHints.FurnitureLine().IsMatch(text)))
            && !(text.Length < 200 && BoilerplateHints.CreditLine().IsMatch(text)))
        {
            _blocks.Add(text);
        }
    }
}
