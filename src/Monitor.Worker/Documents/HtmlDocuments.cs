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

    /// <summary>Parses <paramref name="html"/> with <paramref name="options"/> (attribute filters and the like) and the limits above.</summary>
    /// <exception cref="DocumentBudgetException">The markup would build far more elements than it has tags.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IHtmlDocument Parse(string html, HtmlParserOptions options, CancellationToken cancellationToken)
    {
        var limited = NestingLimiter.Limit(html, MaxDepth, cancellationToken);

        // Every element needs at least "<a>" in the source; the tree builder adds html/head/body/tbody and re-opens
        // formatting elements. Twice the possible tags plus a margin lets any real page through.
        var budget = (limited.Length / 3 * 2) + 10_000;
        var built = 0;
        options.MaximumDepth = MaxDepth;
        options.OnCreated = (_, _) =>
        {
            if (++built > budget)
            {
                throw new DocumentBudgetException($"html: the markup builds more than {budget:N0} elements (unclosed formatting tags re-opened again and again)");
            }

            cancellationToken.ThrowIfCancellationRequested();
        };
        return new HtmlParser(options).ParseDocument(limited);
    }

    /// <summary>Parses with AngleSharp's default options and the limits above.</summary>
    public static IHtmlDocument Parse(string html, CancellationToken cancellationToken) => Parse(html, default, cancellationToken);
}
