using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>Finding the lead paragraph that templates print outside the article body.</summary>
internal sealed partial class ContentScorer
{
    private bool IsLead(IElement element)
    {
        if (element.LocalName is "h1" or "ul" or "ol" or "nav" || !BoilerplateHints.Lead().IsMatch(DomCleaner.Hint(element)))
        {
            return false;
        }

        // The cleaner may have dropped the lead with its "header" wrapper: measure it afresh then.
        var s = Stats(element);
        var text = s.Text > 0 ? s.Text : DomCleaner.CountText(element);
        var links = s.Text > 0 ? s.Link : LinkText(element);
        return text >= 40 && links * 10 < text * 3;
    }

    private static int LinkText(IElement element)
    {
        var count = 0;
        foreach (var link in element.GetElementsByTagName("a"))
        {
            count += DomCleaner.CountText(link);
        }

        return count;
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
