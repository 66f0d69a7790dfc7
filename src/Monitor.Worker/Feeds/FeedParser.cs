namespace Monitor.Worker.Feeds;

/// <summary>Parses RSS, RDF, Atom and JSON Feed documents from their bytes. Pure.</summary>
public static class FeedParser
{
    /// <summary>Parses <paramref name="data"/>; relative links resolve against <paramref name="baseUri"/>.</summary>
    /// <param name="data">The document's bytes, as received.</param>
    /// <param name="baseUri">The URL the document was fetched from.</param>
    /// <param name="defaultZone">Time zone for dates written without one (the source's zone); UTC when null.</param>
    /// <exception cref="FeedParseException">The document is not a readable feed.</exception>
    public static ParsedFeed Parse(ReadOnlyMemory<byte> data, Uri? baseUri, TimeZoneInfo? defaultZone = null)
        => throw new FeedParseException("feed: parser not implemented yet");
}
