namespace Monitor.Worker.Sources;

/// <summary>How a source is read. <see cref="Auto"/> detects the kind from the fetched content.</summary>
public enum SourceKind
{
    /// <summary>Detect from content: feed, sitemap, JSON Feed, or an HTML page (feed autodiscovery, then listing).</summary>
    Auto,

    /// <summary>RSS, RDF, Atom or JSON Feed.</summary>
    Feed,

    /// <summary>An HTML listing page ("press releases"), read with CSS selectors or automatically.</summary>
    Listing,

    /// <summary>A sitemap, sitemap index or Google News sitemap.</summary>
    Sitemap,

    /// <summary>A JSON API read with dotted paths (see <see cref="SourceDefinition.Json"/>).</summary>
    Json,
}
