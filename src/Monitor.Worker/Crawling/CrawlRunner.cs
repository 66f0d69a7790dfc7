using Microsoft.Extensions.Options;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Crawling;

/// <summary>Runs a crawl pass over many sources with bounded parallelism.</summary>
public sealed class CrawlRunner(SourceCatalog catalog, SourceCrawler crawler, Observability.MonitorMetrics metrics, IOptions<CrawlingOptions> options)
{
    /// <summary>Crawls every enabled source (or only <paramref name="sourceId"/>); results in source order.</summary>
    /// <exception cref="ArgumentException">No source has <paramref name="sourceId"/>.</exception>
    public async Task<IReadOnlyList<CrawlOutcome>> RunAsync(string? sourceId, bool force, CancellationToken cancellationToken, IProgress<CrawlOutcome>? progress = null)
    {
        IReadOnlyList<SourceDefinition> sources = sourceId is null
            ? catalog.Sources.Where(s => s.Enabled).ToList()
            : [catalog.Find(sourceId) ?? throw new ArgumentException($"no source with id '{sourceId}'", nameof(sourceId))];

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var activity = Observability.MonitorTracing.Source.StartActivity("crawl pass");
        activity?.SetTag("monitor.sources", sources.Count);
        var results = new CrawlOutcome[sources.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, sources.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelSources, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                results[index] = await crawler.CrawlAsync(sources[index], force, token);
                progress?.Report(results[index]);
            });
        metrics.CrawlPass(System.Diagnostics.Stopwatch.GetElapsedTime(started), sources.Count);
        return results;
    }
}
