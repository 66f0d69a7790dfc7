using Monitor.Worker.JsonApi;
using Monitor.Worker.Listings;

namespace Monitor.Worker.Sources;

/// <summary>One monitored source, as a curator writes it in <c>config/sources.yaml</c>.</summary>
public sealed class SourceDefinition
{
    /// <summary>Unique, stable identifier (lower-case letters, digits, '-', '_', '.').</summary>
    public required string Id { get; init; }

    /// <summary>Human-readable name shown in digests; defaults to the id.</summary>
    public string? Name { get; init; }

    /// <summary>The feed, listing page, sitemap or API URL (absolute http/https).</summary>
    public required Uri Url { get; init; }

    /// <summary>How the source is read; <see cref="SourceKind.Auto"/> by default.</summary>
    public SourceKind Kind { get; init; } = SourceKind.Auto;

    /// <summary>ISO 3166-1 alpha-2 code (or EU / INT) of the publishing government or outlet.</summary>
    public required string Country { get; init; }

    /// <summary>Main language of the source (BCP 47 tag such as <c>en</c>, <c>ja</c>, <c>zh-CN</c>).</summary>
    public required string Language { get; init; }

    /// <summary>Time zone (IANA id) for dates the source writes without one; UTC when absent.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Quartz cron expression for this source's crawl; the global default when absent.</summary>
    public string? Schedule { get; init; }

    /// <summary>CSS selectors for listing pages; automatic detection when absent.</summary>
    public ListingSelectors? Selectors { get; init; }

    /// <summary>Dotted paths for <see cref="SourceKind.Json"/> sources.</summary>
    public JsonApiPaths? Json { get; init; }

    /// <summary>Fetch each item's page even when the feed carries the full text.</summary>
    public bool FetchFullText { get; init; }

    /// <summary>Disabled sources are validated but never crawled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Official (government, regulator, multilateral) or news; the story lead is an official source when one is in
    /// the story. Defaults by domain (<see cref="PublisherRules"/>).</summary>
    public SourcePublisher Publisher { get; init; } = SourcePublisher.News;

    /// <summary>The format the evidence shows (documentation and the coverage table; the crawler still detects the content).</summary>
    public SourceFormat? Format { get; init; }

    /// <summary>Free-form curator note (e.g. the evidence level from DOMAIN.md).</summary>
    public string? Notes { get; init; }

    /// <summary>The name to show, falling back to the id.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? Id : Name;
}
