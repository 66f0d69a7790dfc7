namespace Monitor.Worker.Listings;

/// <summary>CSS selectors for an HTML listing page. Only <see cref="Item"/> is required when selectors are given.</summary>
public sealed class ListingSelectors
{
    /// <summary>Selects each item block on the listing page.</summary>
    public string? Item { get; set; }

    /// <summary>Selects the link inside an item (default: the first <c>a[href]</c>).</summary>
    public string? Link { get; set; }

    /// <summary>Selects the title inside an item (default: the link text).</summary>
    public string? Title { get; set; }

    /// <summary>Selects the date inside an item (its <c>datetime</c> attribute or text).</summary>
    public string? Date { get; set; }

    /// <summary>Selects the summary inside an item.</summary>
    public string? Summary { get; set; }

    /// <summary>Selects the "next page" link on the listing page.</summary>
    public string? Next { get; set; }
}
