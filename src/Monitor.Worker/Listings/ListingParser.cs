namespace Monitor.Worker.Listings;

/// <summary>Reads article links from an HTML listing page, with CSS selectors or automatically. Pure.</summary>
public static class ListingParser
{
    /// <summary>Parses <paramref name="html"/>; with <paramref name="selectors"/> null (or no item selector) it finds the list automatically.</summary>
    public static ListingPage Parse(string html, Uri baseUri, ListingSelectors? selectors, TimeZoneInfo? defaultZone = null)
        => throw new NotImplementedException();
}
