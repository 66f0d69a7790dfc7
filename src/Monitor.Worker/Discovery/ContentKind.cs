namespace Monitor.Worker.Discovery;

/// <summary>What a fetched document is, judged from its first bytes.</summary>
public enum ContentKind
{
    /// <summary>Nothing recognisable.</summary>
    Unknown,

    /// <summary>An RSS, RDF or Atom feed.</summary>
    Feed,

    /// <summary>A JSON Feed.</summary>
    JsonFeed,

    /// <summary>A sitemap or sitemap index (possibly gzipped).</summary>
    Sitemap,

    /// <summary>An HTML page.</summary>
    Html,

    /// <summary>JSON that is not a JSON Feed (an API response).</summary>
    Json,
}
