using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>Finding the lead paragraph that templates print outside the article body.</summary>
internal sealed partial class ContentScorer
{
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
}
