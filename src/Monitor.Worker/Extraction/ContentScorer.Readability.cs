using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>Readability's candidate scoring: paragraph scores propagated to ancestors, parent climbing, siblings.</summary>
internal sealed partial class ContentScorer
{
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
        foreach (var sibling in parent.Children)
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
}
