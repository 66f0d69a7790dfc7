namespace Monitor.Worker.Archive;

/// <summary>A listing as a feed, before it is written as Atom or JSON Feed: absolute links, plain strings. Pure data.</summary>
public sealed record ArchiveFeed(string Title, string Description, Uri Self, Uri HomePage, Uri? Next, DateTime Updated, IReadOnlyList<ArchiveFeedEntry> Entries);

/// <summary>One story in a feed: its page on this site (<see cref="Url"/>, also the id) and its lead report's address.</summary>
public sealed record ArchiveFeedEntry(
    Uri Url,
    Uri? ExternalUrl,
    string Title,
    string Summary,
    string ContentHtml,
    string? Language,
    DateTime Published,
    DateTime Updated,
    IReadOnlyList<(string Term, string Label)> Categories,
    IReadOnlyList<string> Sources);
