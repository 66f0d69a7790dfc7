using System.Globalization;
using Microsoft.Extensions.Configuration;
using Monitor.Worker.Configuration;
using Monitor.Worker.Coverage;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The <c>sources check | test ID | list</c> verbs.</summary>
public static class SourcesCommands
{
    /// <summary>Validates all configuration (and the coverage gaps list) without starting anything; exit 1 listing every problem.</summary>
    public static async Task<int> CheckAsync(ConfigPaths paths, TextWriter output, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(MonitorHost.OneShotSettings());
        builder.AddMonitorConfiguration(paths);
        var check = ConfigurationCheck.Run(builder.Configuration, paths);
        var problems = check.Problems.Concat(CoverageGapsLoader.Load(paths.CoverageGapsFile).Problems).ToList();
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"{problems.Count:N0} problem(s) in {paths.Directory}:");
            foreach (var line in ConfigurationLimits.From(builder.Configuration).Listing(problems))
            {
                await error.WriteLineAsync($"  - {line}");
            }

            return 1;
        }

        await output.WriteLineAsync($"configuration OK: {check.Sources.Count} sources ({check.Sources.Count(s => s.Enabled)} enabled), " +
            $"{check.Sources.Select(s => s.Country).Distinct().Count()} countries, in {paths.Directory}");
        return 0;
    }

    /// <summary>Fetches one source and prints what would be extracted and classified; stores nothing.</summary>
    public static async Task<int> TestAsync(ConfigPaths paths, string sourceId, int items, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        var source = host.Services.GetRequiredService<SourceCatalog>().Find(sourceId);
        if (source is null)
        {
            await output.WriteLineAsync($"error: no source with id '{sourceId}' in {paths.SourcesFile}");
            return 1;
        }

        return await host.Services.GetRequiredService<SourceTester>().TestAsync(source, items, output, cancellationToken) ? 0 : 1;
    }

    /// <summary>Lists every source with its stored crawl state.</summary>
    public static async Task<int> ListAsync(ConfigPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var states = await host.Services.GetRequiredService<SourceStateStore>().GetAllAsync(cancellationToken);
        var rows = host.Services.GetRequiredService<SourceCatalog>().Sources.Select(s =>
        {
            var st = states.GetValueOrDefault(s.Id);
            return new[]
            {
                s.Id, s.Country, s.Enabled ? "yes" : "no", st?.LastOutcome ?? "never", st?.LastSuccessAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
                (st?.ConsecutiveFailures ?? 0).ToString(CultureInfo.InvariantCulture), (st?.ItemsStored ?? 0).ToString(CultureInfo.InvariantCulture),
                st?.LastError is { } e ? (e.Length > 60 ? e[..57] + "..." : e) : "",
            };
        }).ToList();
        await output.WriteLineAsync(CrawlSummaryTable.Table(["source", "country", "enabled", "last", "last success", "failures", "stored", "last error"], rows));
        return 0;
    }
}
