namespace Monitor.Worker.Sources;

/// <summary>
/// The format a source's evidence shows (RSS, Atom, an HTML page...). Documentation for curators and the coverage table:
/// the crawler still looks at the content it fetches, so a wrong value never changes how a source is read.
/// </summary>
public enum SourceFormat
{
    /// <summary>RSS 0.9x or 2.0 (<c>rss</c>).</summary>
    Rss,

    /// <summary>RSS 1.0 / RDF (<c>rdf</c>).</summary>
    Rdf,

    /// <summary>Atom 0.3 or 1.0 (<c>atom</c>).</summary>
    Atom,

    /// <summary>JSON Feed 1.x (<c>json-feed</c>).</summary>
    JsonFeed,

    /// <summary>A JSON API read with dotted paths (<c>json</c>).</summary>
    JsonApi,

    /// <summary>An HTML listing page (<c>html</c>).</summary>
    Html,

    /// <summary>An XML sitemap or sitemap index (<c>sitemap</c>).</summary>
    Sitemap,
}
