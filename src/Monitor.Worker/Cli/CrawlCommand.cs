using Monitor.Worker.Configuration;
using Monitor.Worker.Crawling;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The <c>crawl [--source ID] [--once]</c> verb: one crawl pass now, with progress and a summary table.</summary>
public static class CrawlCommand
{
    /// <summary>Crawls every enabled source (or one, ignoring its backoff) once.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, string? sourceId, bool verbose, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths, verbose);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<CrawlRunner>();
        var done = 0;
        var lockObject = new object();
        var progress = new Progress<CrawlOutcome>(o =>
        {
            lock (lockObject)
            {
                done++;
                output.WriteLine($"[{done}] {o.SourceId}: {o.Status} ({o.ItemsNew} new)");
            }
        });

        IReadOnlyList<CrawlOutcome> outcomes;
        try
        {
            outcomes = await runner.RunAsync(sourceId, force: sourceId is not null, cancellationToken, progress);
        }
        catch (ArgumentException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(CrawlSummaryTable.Format(outcomes));
        return outcomes.Any(o => o.Status == "failed") && outcomes.All(o => o.Status is "failed" or "skipped") ? 1 : 0;
    }
}
