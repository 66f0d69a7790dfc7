using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Finds the element(s) holding the main text of a cleaned page: Readability's paragraph scoring propagated to
/// ancestors, weighted by class hints and link density, with sibling merging; a container that names itself the
/// article body (itemprop, class) wins when it holds a comparable share of the text.
/// </summary>
internal sealed class ContentScorer
{
    private const int MinParagraph = 25;

    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly List<IElement> _scorable = [];
    private readonly List<IElement> _bodyContainers = [];
    private readonly IReadOnlySet<IElement> _removed;
    private readonly Dictionary<string, bool> _bodyHints = new(StringComparer.Ordinal);

    /// <summary>Measures every element below <paramref name="root"/> except the <paramref name="removed"/> ones.</summary>
    public ContentScorer(IElement root, IReadOnlySet<IElement> removed)
    {
        Root = root;
        _removed = removed;
        Measure(root);
    }

    /// <summary>The cleaned page body.</summary>
    public IElement Root { get; }

    /// <summary>The statistics of <paramref name="element"/> (empty for elements added after measuring).</summary>
    public NodeStats Stats(IElement element) => _stats.TryGetValue(element, out var s) ? s : new NodeStats();

    /// <summary>Chooses the elements whose text is the article, in document order.</summary>
    public IReadOnlyList<IElement> SelectContent()
    {
        var readability = SelectByScore();
        var readabilityText = 0;
        foreach (var e in readability)
        {
            readabilityText += Useful(Stats(e));
        }

        IElement? best = null;
        foreach (var candidate in _bodyContainers)
        {
            if (best is null || Useful(Stats(candidate)) > Useful(Stats(best)))
            {
                best = candidate;
            }
        }

        if (best is not null)
        {
            best = JoinSections(best);
            if (Useful(Stats(best)) >= readabilityText * 0.6)
            {
                readability = [best];
                readabilityText = Useful(Stats(best));
            }
        }

        // Safety net: a choice far smaller than the page's prose missed it; take the block holding the paragraphs.
        var prose = ParagraphAncestor();
        if (prose is not null && readabilityText < 500 && Useful(Stats(prose)) > readabilityText * 3)
        {
            return [prose];
        }

        return readability;
    }

    private static int Useful(NodeStats s) => s.Text - s.Link;

    /// <summary>The nearest common ancestor of the page's substantial paragraphs, or null when there are none.</summary>
    private IElement? ParagraphAncestor()
    {
        IElement? common = null;
        foreach (var element in _scorable)
        {
            var s = _stats[element];
            if (element.LocalName != "p" || s.Text < 80 || s.LinkDensity > 0.3)
            {
                continue;
            }

            if (common is null)
            {
                common = element.ParentElement;
                continue;
            }

            while (common is not null && !common.Contains(element))
            {
                common = common.ParentElement;
            }
        }

        return common is null || common == Root ? null : common;
    }

    private bool IsLead(IElement element)
    {
        var s = Stats(element);
        return s.Text >= 40 && s.LinkDensity < 0.3 && element.LocalName != "h1"
            && BoilerplateHints.Lead().IsMatch(DomCleaner.Hint(element));
    }

    /// <summary>
    /// The article's lead (intro, teaser, standfirst) when templates print it just before the body container,
    /// outside it; null when there is none.
    /// </summary>
    public IElement? FindLead(IReadOnlyList<IElement> selection)
    {
        if (selection.Count == 0)
        {
            return null;
        }

        var node = selection[0];
        for (var level = 0; level < 3 && node is not null && node != Root; level++, node = node.ParentElement)
        {
            var prev = node.PreviousElementSibling;
            for (var i = 0; i < 4 && prev is not null; i++, prev = prev.PreviousElementSibling)
            {
                if (IsLead(prev))
                {
                    return prev;
                }

                // Article headers hold the headline, the byline and the lead together.
                if (prev.LocalName == "header" || DomCleaner.Hint(prev).Contains("header", StringComparison.OrdinalIgnoreCase))
                {
                    foreach (var inner in prev.Children)
                    {
                        if (IsLead(inner))
                        {
                            return inner;
                        }

                        foreach (var innermost in inner.Children)
                        {
                            if (IsLead(innermost))
                            {
                                return innermost;
                            }
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// An article split into several sections with the same body class (text, embed, text...) is taken whole: the
    /// nearest ancestor holding all of them.
    /// </summary>
    private IElement JoinSections(IElement best)
    {
        var cls = best.GetAttribute("class");
        if (string.IsNullOrEmpty(cls))
        {
            return best;
        }

        var joined = best;
        foreach (var other in _bodyContainers)
        {
            if (other != best && other.GetAttribute("class") == cls && !joined.Contains(other))
            {
                var ancestor = joined.ParentElement;
                while (ancestor is not null && ancestor != Root && !ancestor.Contains(other))
                {
                    ancestor = ancestor.ParentElement;
                }

                if (ancestor is null || ancestor == Root)
                {
                    return best;
                }

                joined = ancestor;
            }
        }

        return joined;
    }

    private List<IElement> SelectByScore()
    {
        foreach (var element in _scorable)
        {
            var s = _stats[element];
            var contentScore = 1 + s.Commas + Math.Min(s.Text / 100, 3);
            var ancestor = element.ParentElement;
            for (var level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.ParentElement)
            {
                if (!_stats.TryGetValue(ancestor, out var a))
                {
                    break;
                }

                if (!a.Scored)
                {
                    a.Scored = true;
                    a.Score = TagWeight(ancestor.LocalName) + ClassWeight(ancestor);
                }

                a.Score += level switch { 0 => contentScore, 1 => contentScore / 2.0, _ => contentScore / (level * 3.0) };
            }
        }

        IElement? top = null;
        var topScore = double.MinValue;
        foreach (var (element, s) in _stats)
        {
            if (!s.Scored)
            {
                continue;
            }

            var final = s.Score * (1 - s.LinkDensity);
            if (final > topScore)
            {
                topScore = final;
                top = element;
            }
        }

        if (top is null)
        {
            return [Root];
        }

        top = ClimbParents(top, topScore);
        return MergeSiblings(top);
    }

    private double Final(IElement element)
    {
        var s = Stats(element);
        return s.Scored ? s.Score * (1 - s.LinkDensity) : 0;
    }

    private IElement ClimbParents(IElement top, double topScore)
    {
        // Readability: when the text is split over several siblings, their common parent collects a comparable score.
        var lastScore = topScore;
        var threshold = topScore / 3;
        for (var parent = top.ParentElement; parent is not null && parent != Root; parent = parent.ParentElement)
        {
            if (!Stats(parent).Scored)
            {
                continue;
            }

            var parentScore = Final(parent);
            if (parentScore < threshold)
            {
                break;
            }

            if (parentScore > lastScore)
            {
                top = parent;
                break;
            }

            lastScore = parentScore;
        }

        while (top.ParentElement is { } only && only != Root && only.ChildElementCount == 1 && _stats.ContainsKey(only))
        {
            top = only;
        }

        return top;
    }

    private List<IElement> MergeSiblings(IElement top)
    {
        var parent = top.ParentElement;
        if (parent is null || top == Root)
        {
            return [top];
        }

        var topScore = Final(top);
        var threshold = Math.Max(10, topScore * 0.2);
        var topClass = top.GetAttribute("class");
        var result = new List<IElement>();
        for (var sibling = parent.FirstElementChild; sibling is not null; sibling = sibling.NextElementSibling)
        {
            if (sibling == top)
            {
                result.Add(sibling);
                continue;
            }

            var s = Stats(sibling);
            var bonus = topClass is not null && topClass.Length > 0 && sibling.GetAttribute("class") == topClass ? topScore * 0.2 : 0;
            if (s.Scored && Final(sibling) + bonus >= threshold)
            {
                result.Add(sibling);
            }
            else if (sibling.LocalName is "p" or "pre" or "blockquote" || (sibling.LocalName is "div" or "section" && !s.HasBlockChild))
            {
                if ((s.Text > 80 && s.LinkDensity < 0.25) || (s.Text > 0 && s.Link == 0 && EndsSentence(sibling)))
                {
                    result.Add(sibling);
                }
            }
            else if (HtmlTags.IsHeading(sibling.LocalName) && s.LinkDensity < 0.5 && result.Count > 0 && sibling.LocalName != "h1")
            {
                result.Add(sibling);
            }
        }

        return result;
    }

    private static bool EndsSentence(IElement element)
    {
        var text = element.TextContent.AsSpan().TrimEnd();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' or '。' or '！' or '？' or ':' or '"' or '”';
    }

    private static double TagWeight(string name) => name switch
    {
        "div" or "article" or "main" or "section" => 5,
        "pre" or "td" or "blockquote" => 3,
        "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
        _ => 0,
    };

    private static double ClassWeight(IElement element)
    {
        var hint = DomCleaner.Hint(element);
        if (hint.Length == 0)
        {
            return element.GetAttribute("itemprop") == "articleBody" ? 50 : 0;
        }

        var weight = 0.0;
        if (BoilerplateHints.Positive().IsMatch(hint))
        {
            weight += 25;
        }

        if (BoilerplateHints.WeakNegative().IsMatch(hint) || BoilerplateHints.StrongNegative().IsMatch(hint))
        {
            weight -= 25;
        }

        if (BoilerplateHints.BodyContainer().IsMatch(hint) || element.GetAttribute("itemprop") == "articleBody")
        {
            weight += 25;
        }

        return weight;
    }

    private NodeStats Measure(IElement element)
    {
        var s = new NodeStats();
        _stats[element] = s;
        for (var child = element.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText text)
            {
                var data = text.Data;
                var n = TextStats.CountNonSpace(data);
                s.Text += n;
                s.DirectText += n;
                s.Commas += TextStats.CountCommas(data);
            }
            else if (child is IElement c && !_removed.Contains(c))
            {
                var cs = Measure(c);
                s.Text += cs.Text;
                s.Commas += cs.Commas;
                s.Link += c.LocalName == "a" ? cs.Text : cs.Link;
                if (HtmlTags.Block.Contains(c.LocalName))
                {
                    s.HasBlockChild = true;
                }
            }
        }

        var name = element.LocalName;
        // Text written straight into a container between <br>s counts as paragraphs too (Readability wraps it in <p>).
        if (s.Text >= MinParagraph && (name is "p" or "pre" or "td" or "dd" || (name is "div" or "section" or "article" && (!s.HasBlockChild || s.DirectText >= 100))))
        {
            _scorable.Add(element);
        }

        if (element.GetAttribute("itemprop") == "articleBody")
        {
            _bodyContainers.Add(element);
        }
        else if (name is not ("body" or "html"))
        {
            var hint = DomCleaner.RawHint(element);
            if (hint.Length > 0)
            {
                if (!_bodyHints.TryGetValue(hint, out var isBody))
                {
                    isBody = BoilerplateHints.BodyContainer().IsMatch(hint);
                    _bodyHints[hint] = isBody;
                }

                if (isBody)
                {
                    _bodyContainers.Add(element);
                }
            }
        }

        return s;
    }
}
