namespace Monitor.Worker.Storage;

/// <summary>A stored announcement met again in a source: what is needed to tell whether the source's data changed.</summary>
/// <param name="Id">The announcement.</param>
/// <param name="UrlHash">Its URL hash.</param>
/// <param name="ItemKeyHash">Its item key hash.</param>
/// <param name="FeedHash">The hash of the source's data when it was stored or last updated (null before it was kept).</param>
/// <param name="Title">Its title.</param>
/// <param name="SimHash">Its text SimHash.</param>
public sealed record KnownItem(long Id, string UrlHash, string ItemKeyHash, long? FeedHash, string Title, long SimHash);
