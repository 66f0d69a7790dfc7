using Monitor.Worker.Items;

namespace Monitor.Worker.Listings;

/// <summary>The items found on one listing page, and the next page's URL when there is one.</summary>
public sealed record ListingPage(IReadOnlyList<ParsedItem> Items, Uri? NextPage);
