using Monitor.Worker.Items;

namespace Monitor.Worker.Feeds;

/// <summary>A parsed feed: its format and version, channel metadata and items.</summary>
/// <param name="Format">Detected format.</param>
/// <param name="Version">Format version as written in the output (e.g. <c>rss20</c>, <c>atom10</c>, <c>json11</c>).</param>
/// <param name="Title">Channel title.</param>
/// <param name="Link">Channel home page link.</param>
/// <param name="Items">Items in document order.</param>
/// <param name="Recovered">True when the document was broken and the parser had to repair it.</param>
public sealed record ParsedFeed(
    FeedFormat Format,
    string Version,
    string? Title,
    Uri? Link,
    IReadOnlyList<ParsedItem> Items,
    bool Recovered = false)
{
    /// <summary>The feed's own publication (or last build/update) time, when it gives one.</summary>
    public DateTimeOffset? Published { get; init; }
}
