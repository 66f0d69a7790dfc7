namespace Monitor.Worker.Extraction;

/// <summary>Per-element measurements of a cleaned page, computed once bottom-up.</summary>
internal sealed class NodeStats
{
    /// <summary>Non-whitespace characters of all text below the element.</summary>
    public int Text { get; set; }

    /// <summary>Non-whitespace characters inside links below the element.</summary>
    public int Link { get; set; }

    /// <summary>Clause marks (commas) below the element.</summary>
    public int Commas { get; set; }

    /// <summary>Non-whitespace characters of the element's own text nodes (not of its children).</summary>
    public int DirectText { get; set; }

    /// <summary>Whether a block-level element is among the children.</summary>
    public bool HasBlockChild { get; set; }

    /// <summary>Readability-style content score, once initialised.</summary>
    public double Score { get; set; }

    /// <summary>Whether <see cref="Score"/> has been initialised from the tag and class.</summary>
    public bool Scored { get; set; }

    /// <summary>Share of the text that sits in links.</summary>
    public double LinkDensity => Text == 0 ? 0 : (double)Link / Text;
}
