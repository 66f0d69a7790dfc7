using Monitor.Worker.Fetching;
using Monitor.Worker.Items;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Crawling;

/// <summary>An item on its way to the store: new (<paramref name="Known"/> null) or a known one whose source data changed.</summary>
/// <param name="Item">The item as read.</param>
/// <param name="Url">Its canonical URL.</param>
/// <param name="Known">The stored announcement it revises, if any.</param>
/// <param name="Page">Its fetched page, when articles are fetched and the fetch succeeded.</param>
internal sealed record PendingItem(ParsedItem Item, Uri Url, KnownItem? Known, FetchResult.Ok? Page);
