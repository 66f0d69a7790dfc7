namespace Monitor.Worker.Sitemaps;

/// <summary>A parsed sitemap: either an index of child sitemaps (<see cref="IsIndex"/>) or a list of pages.</summary>
public sealed record SitemapDocument(bool IsIndex, IReadOnlyList<SitemapEntry> Entries);
