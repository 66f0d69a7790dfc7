using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Text sizes of every element of the uncleaned page, measured in one bottom-up pass so that cleaning and date
/// rules can ask "how much text is in here?" without walking subtrees again.
/// </summary>
internal sealed class TextCounts
{
    private readonly Dictionary<IElement, (int Text, int Paragraph)> _counts = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationToken _cancellationToken;

    /// <summary>Measures <paramref name="root"/> and everything below it.</summary>
    public TextCounts(IElement root)
        : this(root, CancellationToken.None)
    {
    }

    /// <summary>Measures <paramref name="root"/>, checking <paramref name="cancellationToken"/> for each element.</summary>
    public TextCounts(IElement root, CancellationToken cancellationToken)
    {
        _cancellationToken = cancellationToken;
        Measure(root, inParagraph: false);
    }


    /// <summary>Non-whitespace characters below <paramref name="element"/>.</summary>
    public int Text(IElement element) => _counts.TryGetValue(element, out var c) ? c.Text : DomCleaner.CountText(element);

    /// <summary>Non-whitespace characters inside <c>&lt;p&gt;</c> elements below <paramref name="element"/>.</summary>
    public int Paragraph(IElement element)
        => _counts.TryGetValue(element, out var c) ? c.Paragraph : DomCleaner.CountParagraphText(element, inParagraph: false);

    private (int Text, int Paragraph) Measure(IElement element, bool inParagraph)
    {
        int text = 0, paragraph = 0;
        _cancellationToken.ThrowIfCancellationRequested();
        var inside = inParagraph || element.LocalName == "p";

        // Indexed, not NextSibling: AngleSharp finds a node's next sibling by scanning its parent's children.
        var children = element.ChildNodes;
        for (var i = 0; i < children.Length; i++)
        {
            var child = children[i];
            if (child is IText t)
            {
                var n = TextStats.CountNonSpace(t.Data);
                text += n;
                paragraph += inside ? n : 0;
            }
            else if (child is IElement e && e.LocalName is not ("script" or "style" or "template"))
            {
                var (ct, cp) = Measure(e, inside);
                text += ct;
                paragraph += cp;
            }
        }

        _counts[element] = (text, paragraph);
        return (text, paragraph);
    }
}
