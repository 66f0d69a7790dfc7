using System.Collections.Frozen;

namespace Monitor.Worker.Sources;

/// <summary>The YAML names of <see cref="SourceFormat"/>, the label shown in the coverage table, and which kinds each fits. Pure.</summary>
public static class SourceFormatNames
{
    private static readonly FrozenDictionary<string, SourceFormat> ByName = new Dictionary<string, SourceFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["rss"] = SourceFormat.Rss,
        ["rdf"] = SourceFormat.Rdf,
        ["atom"] = SourceFormat.Atom,
        ["json-feed"] = SourceFormat.JsonFeed,
        ["json"] = SourceFormat.JsonApi,
        ["html"] = SourceFormat.Html,
        ["sitemap"] = SourceFormat.Sitemap,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names a curator may write, for messages.</summary>
    public static string Allowed => string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal));

    /// <summary>Reads a YAML name such as <c>rss</c> or <c>json-feed</c>.</summary>
    public static bool TryParse(string? name, out SourceFormat format) => ByName.TryGetValue(name ?? "", out format);

    /// <summary>The label a reader sees: RSS, RDF, Atom, JSON Feed, JSON API, HTML, sitemap.</summary>
    public static string Label(SourceFormat format) => format switch
    {
        SourceFormat.Rss => "RSS",
        SourceFormat.Rdf => "RDF",
        SourceFormat.Atom => "Atom",
        SourceFormat.JsonFeed => "JSON Feed",
        SourceFormat.JsonApi => "JSON API",
        SourceFormat.Html => "HTML",
        _ => "sitemap",
    };

    /// <summary>True when a source of <paramref name="kind"/> can have <paramref name="format"/> (any format fits <c>auto</c>).</summary>
    public static bool Fits(SourceFormat format, SourceKind kind) => kind switch
    {
        SourceKind.Feed => format is SourceFormat.Rss or SourceFormat.Rdf or SourceFormat.Atom or SourceFormat.JsonFeed,
        SourceKind.Listing => format is SourceFormat.Html,
        SourceKind.Sitemap => format is SourceFormat.Sitemap,
        SourceKind.Json => format is SourceFormat.JsonApi,
        _ => true,
    };
}
