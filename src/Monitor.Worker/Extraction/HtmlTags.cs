using System.Collections.Frozen;

namespace Monitor.Worker.Extraction;

/// <summary>Tag sets that decide how text is grouped into blocks.</summary>
internal static class HtmlTags
{
    /// <summary>Elements that start a new block of text.</summary>
    public static readonly FrozenSet<string> Block = FrozenSet.Create(
        StringComparer.Ordinal,
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "caption", "figure", "figcaption", "header",
        "footer", "aside", "address", "hr", "center", "form", "fieldset", "details", "summary", "nav", "hgroup", "body",
        "html", "legend", "noscript", "listing", "plaintext", "xmp");

    /// <summary>Headings.</summary>
    public static bool IsHeading(string name)
        => name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6';
}
