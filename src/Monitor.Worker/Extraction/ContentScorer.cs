using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Finds the element(s) holding the main text of a cleaned page: Readability's paragraph scoring propagated to
/// ancestors, weighted by class hints and link density, with sibling merging; a container that names itself the
/// article body (itemprop, class) wins when it holds a comparable share of the text.
/// </summary>
internal sealed partial class ContentScorer
{
    private const int MinParagraph = 25;

    private readonly Dictionary<IElement, NodeStats> _stats = new(ReferenceEqualityComparer.Instance);
    private readonly List<IElement> _scorable = [];
    private readonly List<IElement> _bodyContainers = [];
    private readonly IReadOnlySet<IElement> _removed;
    private readonly Dictionary<string, bool> _bodyHints = new(StringComparer.Ordinal);
    private readonly CancellationToken _cancellationToken;

    /// <summary>Measures every element below <paramref name="root"/> except the <paramref name="removed"/> ones.</summary>
    public ContentScorer(IElement root, IReadOnlySet<IElement> removed, CancellationToken cancellationToken = default)
    {
        Root = root;
        _removed = removed;
        _cancellationToken = cancellationToken;
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

    private NodeStats Measure(IElement element)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var s = new NodeStats();
        _stats[element] = s;
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
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
