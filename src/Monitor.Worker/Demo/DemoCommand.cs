using System.Diagnostics;
using System.Globalization;
using Monitor.Worker.Cli;
using Monitor.Worker.Configuration;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Demo;

/// <summary>
/// The <c>demo</c> verb: serves the bundled sample site on loopback, crawls it into a fresh SQLite file, writes the
/// digest to <c>data/outbox/</c> and prints a summary. No network needed.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demo subscriber's address.</summary>
    public const string Subscriber = "analyst@example.org";

    /// <summary>Runs the demo with the taxonomy and settings of <paramref name="paths"/>.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var site = Path.Combine(AppContext.BaseDirectory, "Demo", "Site");
        await using var server = await DemoSiteServer.StartAsync(site, cancellationToken);
        await output.WriteLineAsync($"Serving the sample site at {server.BaseUri}");

        var dataDirectory = Path.GetFullPath("data");
        var database = Path.Combine(dataDirectory, "demo", "monitor-demo.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, "monitor-demo.db*"))
        {
            File.Delete(file);
        }

        var demoConfig = DemoConfiguration.Write(paths, server.BaseUri, Path.Combine(dataDirectory, "demo", "config"));
        var outbox = Path.Combine(dataDirectory, "outbox");
        var overrides = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = $"Data Source={database}",
            ["Monitor:Storage:Provider"] = "Sqlite",
            ["Monitor:Crawling:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Monitor:Smtp:Host"] = "",
            ["Monitor:Digest:OutboxDirectory"] = outbox,
            ["Monitor:Digest:Subscribers:0:Email"] = Subscriber,
            ["Monitor:Digest:Subscribers:0:Name"] = "Demo analyst",
            ["Monitor:Digest:Subscribers:0:SendHour"] = "0",
            ["Monitor:Digest:Subscribers:0:Frequency"] = "Daily",
        };

        using var host = MonitorHost.CreateOneShot(demoConfig, overrides: overrides);
        await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
        var outcomes = await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync(CrawlSummaryTable.Format(outcomes));

        var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(dryRun: false, onlyTo: null, cancellationToken);
        var rows = report.Results.Select(r => new[] { r.Subscriber, r.Period, r.Status, r.Items.ToString(CultureInfo.InvariantCulture) }).ToList();
        await output.WriteLineAsync(CrawlSummaryTable.Table(["subscriber", "period", "status", "stories"], rows));
        var newest = new DirectoryInfo(outbox).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault();
        await output.WriteLineAsync($"Database: {database}");
        await output.WriteLineAsync(newest is null ? "No digest written." : $"Digest: {newest.FullName}");
        await output.WriteLineAsync($"Done in {clock.Elapsed.TotalSeconds:0.0} s.");
        return outcomes.All(o => o.Status == "ok") && report.Results.Any(r => r.Status == "sent") ? 0 : 1;
    }
}
