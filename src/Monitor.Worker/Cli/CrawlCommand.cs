using Monitor.Worker.Configuration;
using Monitor.Worker.Crawling;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The <c>crawl [--source ID] [--once]</c> verb: one crawl pass now, with progress (a bar on a terminal, a line per
/// source otherwise) and the summary table after it.</summary>
public static class CrawlCommand
{
    /// <summary>Crawls every enabled source (or one, ignoring its backoff) once.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, string? sourceId, bool verbose, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths, verbose, sendsMail: false);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<CrawlRunner>();
        var catalog = host.Services.GetRequiredService<Sources.SourceCatalog>();
        if (sourceId is not null && catalog.Find(sourceId) is null)
        {
            await output.WriteLineAsync($"error: no source with id '{sourceId}'");
            return 1;
        }

        var total = sourceId is null ? catalog.Sources.Count(s => s.Enabled) : 1;
        var outcomes = await CliProgress.RunAsync(
            output,
            "crawl",
            total,
            progress => runner.RunAsync(sourceId, force: sourceId is not null, cancellationToken, new Reporter<CrawlOutcome>(o => progress.Step(
                $"{o.SourceId}: {o.Status} ({o.ItemsNew} new){(o.Status == "failed" ? $": {o.Message}" : "")}", keep: o.Status == "failed"))),
            everyStep: true,
            unit: "sources");

        await output.WriteLineAsync();
        await output.WriteLineAsync(CrawlSummaryTable.Format(outcomes));
        return outcomes.Any(o => o.Status == "failed") && outcomes.All(o => o.Status is "failed" or "skipped") ? 1 : 0;
    }
}
