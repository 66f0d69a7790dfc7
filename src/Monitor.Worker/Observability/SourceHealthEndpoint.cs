using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Observability;

/// <summary><c>GET /health/sources</c>: every configured source with its state, as JSON (one query over the state table).</summary>
internal static class SourceHealthEndpoint
{
    public static async Task<IResult> GetAsync(SourceCatalog catalog, SourceStateStore states, IOptions<CrawlingOptions> crawling, TimeProvider time, CancellationToken cancellationToken)
    {
        var stored = await states.GetAllAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var sources = catalog.Sources
            .Select(s => SourceHealth.From(s, stored.GetValueOrDefault(s.Id), crawling.Value.MaxConsecutiveFailures, now))
            .ToList();
        var counts = sources.GroupBy(s => s.Status).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        return Results.Json(new { generatedAt = now, counts, sources });
    }
}
