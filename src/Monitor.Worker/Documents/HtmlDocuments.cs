using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Worker.Documents;

/// <summary>
/// The one way Monitor parses HTML from outside: nesting limited to <see cref="MaxDepth"/> before the tree builder
/// sees it (<see cref="NestingLimiter"/>), the tree's depth capped by AngleSharp at the same level, a bound on the
/// elements built (the tree builder re-creates unclosed formatting elements, which a hostile page can multiply), and
/// the cancellation token checked for every element built.
/// </summary>
public static class HtmlDocuments
{
    /// <summary>Elements nested deeper than this are flattened into their ancestor at this depth (Blink uses 512 too).</summary>
    public const int MaxDepth = 512;

    /// <summary>
    /// Elements one page may build: 15 times the largest of the 575 real pages in the extraction benchmarks (6,754
    /// tags). AngleSharp spends about 700 bytes on each with its text (69 MB for 100,000 links), so this keeps one parsed
    /// page under about 70 MB and half a second. A page with more start tags than this is refused after counting them,
    /// before any tree is built.
    /// </summary>
    public const int MaxElements = 100_000;

    private static readonly string TooManyElements =
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"html: the page has more than {MaxElements:N0} elements, more than one page may build");

    /// <summary>Parses <paramref name="html"/> with <paramref name="options"/> (attribute filters and the like) and the limits above.</summary>
    /// <exception cref="DocumentBudgetException">The markup would build far more elements than it has tags.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IHtmlDocument Parse(string html, HtmlParserOptions options, CancellationToken cancellationToken)
    {
        var limited = NestingLimiter.Limit(html, MaxDepth, out var startTags, cancellationToken);
        if (startTags > MaxElements)
        {
            // Nearly every start tag kept builds an element (a second <body> or a stray table tag does not): a page with
            // more of them than the bound is refused before a tree is built, not after 100,000 elements of it (69 MB).
            throw new DocumentBudgetException(TooManyElements);
        }

        // Nearly every element comes from a start tag in the source; the tree builder adds a few (html, head, body,
        // tbody) and re-opens unclosed formatting elements after each block, which a hostile page multiplies (60
        // unclosed <b> and 200,000 <p>: 12 million elements). Twice the tags plus a margin lets any real page through
        // and keeps the memory of a hostile one proportional to its size.
        var budget = Math.Min((2 * startTags) + 10_000, MaxElements);
        var built = 0;
        options.MaximumDepth = MaxDepth;
        options.OnCreated = (_, _) =>
        {
            if (++built > budget)
            {
                throw new DocumentBudgetException(budget == MaxElements
                    ? TooManyElements
                    : $"html: the markup builds more than {budget:N0} elements (unclosed formatting tags re-opened again and again)");
            }

            cancellationToken.ThrowIfCancellationRequested();
        };
        return new HtmlParser(options).ParseDocument(limited);
    }

    /// <summary>Parses with AngleSharp's default options and the limits above.</summary>
    public static IHtmlDocument Parse(string html, CancellationToken cancellationToken) => Parse(html, default, cancellationToken);
}
