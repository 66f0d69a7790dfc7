using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Worker.Configuration;

namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>
/// <c>bench crawl</c>: starts a loopback farm, then runs the real <c>crawl</c> verb as a separate process, as a user
/// would (its own config directory, a real SQLite file): a first pass (every item new), a second with nothing changed
/// (every feed answers 304) and a third where every tenth feed has one new item, then start-up alone (a pass over no
/// sources). Reports items/s, wall, CPU, bytes, requests and peak RSS per pass, and checks that every item the feeds
/// carry was stored exactly once.
/// </summary>
public static class CrawlBenchmark
{
    /// <summary>
    /// The one place where the benchmark opens the crawler's address guard to loopback (the farm lives on 127.0.0.x).
    /// </summary>
    private static readonly Dictionary<string, object> LoopbackAccess = new() { ["AllowedNetworks"] = new[] { "127.0.0.0/8" } };

    /// <summary>Runs the benchmark; 0 when every check passed.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, int feeds, int items, int hosts, bool articles, string? workDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var root = workDirectory ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-crawl-{Environment.ProcessId}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var config = Path.Combine(root, "config");
        Directory.CreateDirectory(config);
        var database = Path.Combine(root, "monitor.db");
        await output.WriteLineAsync($"bench crawl: {feeds:N0} feeds x {items} items over {hosts} loopback hosts, articles {(articles ? "on" : "off")}; load average {LoadAverage()}");
        await using var farm = await LoopbackFarm.StartAsync(feeds, items, hosts);
        WriteConfig(paths, config, database, farm, articles);

        var rows = new List<string>();
        var ok = await Cli.CliProgress.RunAsync(output, "bench crawl", 4, async progress =>
        {
            var passesOk = true;
            foreach (var (name, prepare, expectedNew) in Passes(farm, feeds, items))
            {
                prepare();
                var before = farm.Counters;
                var run = await RunCrawlAsync(config, root, cancellationToken);
                var served = farm.Counters - before;
                var (stored, distinct, missing) = Check(database, farm);
                var passOk = run.ExitCode == 0 && missing == 0 && stored == distinct && stored == farm.AllArticleUrls().Count();
                var newItems = name == "first" ? stored : expectedNew;
                passesOk &= passOk;
                rows.Add(string.Join(" | ", name, newItems.ToString("N0", CultureInfo.InvariantCulture),
                    Seconds(run.Wall), (newItems / run.Wall.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture), Seconds(run.Cpu),
                    (served.Bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture),
                    $"{served.Requests:N0} (feeds {served.FeedOk:N0} + 304 {served.FeedNotModified:N0}, articles {served.Articles:N0}, robots {served.Robots:N0})",
                    (run.PeakRssBytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture),
                    passOk ? $"ok: {stored:N0} stored once each" : $"FAILED: exit {run.ExitCode}, {stored:N0} rows, {missing:N0} missing"));
                if (run.ExitCode != 0)
                {
                    await output.WriteLineAsync(run.Output.Length > 4000 ? run.Output[^4000..] : run.Output);
                }

                progress.Step($"{name} pass: {newItems:N0} new items in {run.Wall.TotalSeconds:N1} s", keep: !passOk);
            }

            // Start-up alone, on the same database: the process, configuration, taxonomy and model, the schema check and
            // one pass over no sources. The second pass's wall time is this plus its 304s.
            var empty = Path.Combine(root, "config-no-sources");
            Directory.CreateDirectory(empty);
            foreach (var file in Directory.GetFiles(config))
            {
                File.Copy(file, Path.Combine(empty, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(empty, "sources.yaml"), "sources: []\n", cancellationToken);
            var startup = await RunCrawlAsync(empty, root, cancellationToken);
            passesOk &= startup.ExitCode == 0;
            rows.Add(string.Join(" | ", "start-up only (no sources)", "0", Seconds(startup.Wall), "", Seconds(startup.Cpu), "0.0", "0",
                (startup.PeakRssBytes / 1048576.0).ToString("N0", CultureInfo.InvariantCulture), startup.ExitCode == 0 ? "ok" : $"FAILED: exit {startup.ExitCode}"));
            progress.Step($"start-up only: {startup.Wall.TotalSeconds:N1} s", keep: startup.ExitCode != 0);
            return passesOk;
        }, everyStep: true, unit: "passes");

        await output.WriteLineAsync();
        await output.WriteLineAsync("| pass | new items | wall s | items/s | CPU s | MB sent | requests | peak RSS MB | check |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            await output.WriteLineAsync($"| {row} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"load average after: {LoadAverage()}; work directory {root}");
        if (workDirectory is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        return ok ? 0 : 1;
    }

    private static IEnumerable<(string Name, Action Prepare, long ExpectedNew)> Passes(LoopbackFarm farm, int feeds, int items)
    {
        yield return ("first", () => { }, (long)feeds * items);
        yield return ("second (nothing changed)", () => { }, 0);
        var changed = 0;
        yield return ("third (10% of feeds +1 item)", () => changed = farm.AddOneItemToEvery(10), (feeds + 9) / 10);
    }

    private static Task<ChildProcessRun> RunCrawlAsync(string config, string root, CancellationToken cancellationToken)
    {
        // The same binary, as the user would start it: `dotnet Monitor.Worker.dll crawl` or the published apphost.
        var host = Environment.ProcessPath ?? "dotnet";
        var arguments = new List<string>();
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            arguments.Add(typeof(CrawlBenchmark).Assembly.Location);
        }

        arguments.AddRange(["crawl", "--config", config]);
        return ChildProcessRun.RunAsync(host, arguments, root, cancellationToken);
    }

    private static (long Stored, long Distinct, long Missing) Check(string database, LoopbackFarm farm)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CanonicalUrl FROM Announcements";
        var urls = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                urls.Add(reader.GetString(0));
            }
        }

        var set = urls.ToHashSet(StringComparer.Ordinal);
        var missing = farm.AllArticleUrls().LongCount(u => !set.Contains(u.AbsoluteUri));
        return (urls.Count, set.Count, missing);
    }

    private static void WriteConfig(ConfigPaths paths, string config, string database, LoopbackFarm farm, bool articles)
    {
        foreach (var file in Directory.GetFiles(paths.Directory).Where(f => Path.GetFileName(f) is not ("sources.yaml" or "appsettings.json" or "appsettings.Development.json")))
        {
            File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        }

        var crawling = new Dictionary<string, object>(LoopbackAccess) { ["FetchArticles"] = articles };
        var settings = new Dictionary<string, object>
        {
            ["ConnectionStrings"] = new Dictionary<string, string> { ["Monitor"] = $"Data Source={database}" },
            ["Monitor"] = new Dictionary<string, object> { ["Crawling"] = crawling },
        };
        File.WriteAllText(Path.Combine(config, "appsettings.json"), System.Text.Json.JsonSerializer.Serialize(settings));

        using var sources = new StreamWriter(Path.Combine(config, "sources.yaml"));
        sources.WriteLine("sources:");
        for (var f = 0; f < farm.FeedCount; f++)
        {
            sources.WriteLine($"  - id: farm-{f:D5}");
            sources.WriteLine($"    url: {farm.FeedUrl(f)}");
            sources.WriteLine("    kind: feed");
            sources.WriteLine("    country: INT");
            sources.WriteLine("    language: en");
            if (articles)
            {
                // The farm's feeds carry the whole text: only this makes the crawler read the pages as well.
                sources.WriteLine("    fetch_full_text: true");
            }
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("N2", CultureInfo.InvariantCulture);

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
