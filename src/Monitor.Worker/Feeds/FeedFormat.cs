namespace Monitor.Worker.Feeds;

/// <summary>The syndication formats the parser recognises, detected from content.</summary>
public enum FeedFormat
{
    Rss,
    Rdf,
    Atom,
    JsonFeed,
}
