namespace Monitor.Worker.Sitemaps;

/// <summary>Chooses which sitemap URLs a crawl should visit: only new ones, newest first, at most N. Pure.</summary>
public static class SitemapSelection
{
    /// <summary>
    /// Entries not in <paramref name="knownUrls"/> and not older than <paramref name="since"/> (entries without a date
    /// count as new), newest first (undated last, in document order), capped at <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<SitemapEntry> NewEntries(
        IEnumerable<SitemapEntry> entries, DateTimeOffset? since, IReadOnlySet<string>? knownUrls, int max)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return entries
            .Select((entry, index) => (entry, index))
            .Where(e => since is null || e.entry.Published is null || e.entry.Published >= since)
            .Where(e => knownUrls is null || !knownUrls.Contains(e.entry.Location.AbsoluteUri))
            .Where(e => seen.Add(e.entry.Location.AbsoluteUri))
            .OrderByDescending(e => e.entry.Published.HasValue)
            .ThenByDescending(e => e.entry.Published)
            .ThenBy(e => e.index)
            .Take(Math.Max(0, max))
            .Select(e => e.entry)
            .ToList();
    }
}
