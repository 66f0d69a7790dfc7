using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Worker.Listings;

/// <summary>CSS selectors for an HTML listing page. Only <see cref="Item"/> is required when selectors are given.</summary>
public sealed class ListingSelectors
{
    private static readonly IDocument EmptyDocument = new HtmlParser().ParseDocument("<html><body></body></html>");

    /// <summary>Selects each item block on the listing page.</summary>
    public string? Item { get; set; }

    /// <summary>Selects the link inside an item (default: the item itself when it is a link, else its first <c>a[href]</c>).</summary>
    public string? Link { get; set; }

    /// <summary>Selects the title inside an item (default: the link text).</summary>
    public string? Title { get; set; }

    /// <summary>Selects the date inside an item (its <c>datetime</c> or <c>content</c> attribute, else its text).</summary>
    public string? Date { get; set; }

    /// <summary>Selects the summary inside an item.</summary>
    public string? Summary { get; set; }

    /// <summary>Selects the "next page" link on the listing page.</summary>
    public string? Next { get; set; }

    /// <summary>Every problem with these selectors, as <c>field: message</c> lines (empty when valid), for config validation.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Item) && new[] { Link, Title, Date, Summary }.Any(s => !string.IsNullOrWhiteSpace(s)))
        {
            problems.Add("item: required when other selectors are given");
        }

        foreach (var (field, selector) in new[] { ("item", Item), ("link", Link), ("title", Title), ("date", Date), ("summary", Summary), ("next", Next) })
        {
            if (CheckSelector(selector) is { } error)
            {
                problems.Add($"{field}: {error}");
            }
        }

        return problems;
    }

    /// <summary>Null when <paramref name="selector"/> is empty or valid CSS; otherwise a message saying why it is not.</summary>
    public static string? CheckSelector(string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return null;
        }

        try
        {
            EmptyDocument.QuerySelector(selector);
            return null;
        }
        catch (DomException ex)
        {
            return $"invalid CSS selector '{selector}' ({ex.Message})";
        }
    }
}
