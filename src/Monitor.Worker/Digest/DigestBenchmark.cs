using System.Diagnostics;
using System.Globalization;
using Monitor.Worker.Cli;
using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Digest;

/// <summary>
/// <c>bench digest</c>: a fresh SQLite file with N active subscribers (varied filters and schedules, all due) and M new
/// announcements, then one digest run composing and sending every due digest to a real SMTP server on loopback. Reports
/// messages/s end to end (selection, ledger, composition, SMTP, marking sent), peak working set, and the database
/// commands per page of subscribers.
/// </summary>
public static class DigestBenchmark
{
    /// <summary>Runs the benchmark with the templates and taxonomy of <paramref name="paths"/>.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, int subscribers, int announcements, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Path.Combine(Path.GetTempPath(), "monitor-bench-digest-" + Guid.NewGuid().ToString("n")[..8]);
        var config = Path.Combine(root, "config");
        Directory.CreateDirectory(Path.Combine(config, MailTemplates.Folder));
        foreach (var file in Directory.GetFiles(paths.Directory).Where(f => Path.GetFileName(f) is not ("sources.yaml" or "appsettings.json" or "appsettings.Development.json")))
        {
            File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        }

        var templates = Path.Combine(paths.Directory, MailTemplates.Folder);
        foreach (var file in Directory.Exists(templates) ? Directory.GetFiles(templates) : [])
        {
            File.Copy(file, Path.Combine(config, MailTemplates.Folder, Path.GetFileName(file)));
        }

        await File.WriteAllTextAsync(Path.Combine(config, "sources.yaml"), DigestBenchmarkData.SourcesYaml(), cancellationToken);
        await using var smtp = BenchmarkSmtpSink.Start();
        var database = Path.Combine(root, "bench.db");
        var overrides = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Monitor"] = $"Data Source={database}",
            ["Monitor:Storage:Provider"] = "Sqlite",
            ["Monitor:Smtp:Host"] = "127.0.0.1",
            ["Monitor:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Monitor:Smtp:Security"] = "None",
            ["Monitor:Subscriptions:PublicBaseUrl"] = "https://monitor.example.org/",
            ["Monitor:Digest:From"] = "digest@monitor.example.org",
        };
        var queries = new QueryCounter();
        try
        {
            using var host = MonitorHost.CreateOneShot(new ConfigPaths(config), overrides: overrides, services: s =>
                s.AddSingleton(new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={database}", queries)));
            await MonitorHost.PrepareDatabaseAsync(host, cancellationToken);
            var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var seed = Stopwatch.StartNew();
            await DigestBenchmarkData.SeedAsync(host.Services.GetRequiredService<MonitorDbContextFactory>(), subscribers, announcements, now, cancellationToken);
            await output.WriteLineAsync($"seeded {subscribers} subscribers and {announcements} announcements in {seed.Elapsed.TotalSeconds:0.0} s");

            var runner = host.Services.GetRequiredService<DigestRunner>();
            var batchSize = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DigestOptions>>().Value.BatchSize;
            queries.Reset();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = await Cli.CliProgress.RunAsync(output, "bench digest", null, progress => runner.RunAsync(dryRun: false, onlyTo: null, cancellationToken,
                new Cli.Reporter<DigestRunResult>(r => progress.Step($"{r.Subscriber}: {r.Status}", keep: r.Status is "failed" or "given-up"))), unit: "subscribers");
            clock.Stop();
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var commands = queries.Commands;
            var sent = report.Results.Count(r => r.Status == "sent");
            var pages = (subscribers + batchSize - 1) / batchSize;
            for (var i = 0; i < 100 && smtp.Messages < sent; i++)
            {
                await Task.Delay(20, cancellationToken);
            }

            var process = Process.GetCurrentProcess();
            process.Refresh();
            var statuses = report.Results.GroupBy(r => r.Status).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
            await output.WriteLineAsync($"results: {string.Join(", ", statuses)}");
            await output.WriteLineAsync(CrawlSummaryTable.Table(["figure", "value"],
            [
                ["messages sent (accepted by the SMTP server)", $"{sent} ({smtp.Messages} received, {smtp.Bytes / 1024.0 / 1024.0:0.0} MB)"],
                ["stories per message (mean)", sent == 0 ? "0" : (report.Results.Where(r => r.Status == "sent").Average(r => r.Items)).ToString("0.0", CultureInfo.InvariantCulture)],
                ["elapsed, end to end", $"{clock.Elapsed.TotalSeconds:0.00} s (CPU {cpuUsed.TotalSeconds:0.0} s)"],
                ["messages/s", (sent / clock.Elapsed.TotalSeconds).ToString("0", CultureInfo.InvariantCulture)],
                ["peak working set", $"{process.PeakWorkingSet64 / 1024 / 1024} MB"],
                ["database commands", $"{commands} for {pages} page(s) of {batchSize} subscribers ({(double)commands / pages:0.0} per page)"],
                ["garbage collections (gen 0/1/2)", $"{GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"],
                ["load average (1 min)", LoadAverage()],
            ]));
            await output.WriteLineAsync("most frequent database commands:");
            foreach (var (statement, count) in queries.Top(8))
            {
                await output.WriteLineAsync($"  {count,7}  {statement}");
            }

            return sent > 0 && smtp.Messages >= sent ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
