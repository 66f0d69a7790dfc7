using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Monitor.Worker.Configuration;
using Npgsql;

namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>
/// <c>bench replicas</c>: the crawl benchmark's first pass on PostgreSQL, by one and by two worker processes (<c>run</c>,
/// Quartz clustered on the database), as ops would run them. For each replica count: a fresh database on the given
/// server, the loopback farm (N feeds × K items over H addresses), a config whose every source is scheduled once at the
/// same moment T0 (a one-shot cron, misfire threshold of an hour so no trigger is dropped while the workers are busy),
/// the workers started before T0, then the time from T0 until every item is stored. Reports items/s over that time,
/// the CPU the workers used, and the duplicate fetches: feed requests beyond one per feed (each trigger fires once).
/// </summary>
public static class ReplicaBenchmark
{
    private static readonly TimeSpan StartMargin = TimeSpan.FromSeconds(45);

    /// <summary>Runs the benchmark for each count in <paramref name="replicaCounts"/>; 0 when every check passed.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, string serverConnectionString, IReadOnlyList<int> replicaCounts, int feeds, int items, int hosts, string? workDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var root = workDirectory ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-replicas-{Environment.ProcessId}");
        var rows = new List<string>();
        var ok = true;
        await output.WriteLineAsync($"bench replicas: {feeds:N0} feeds x {items} items over {hosts} loopback hosts, PostgreSQL {new NpgsqlConnectionStringBuilder(serverConnectionString).Host}; load average {CrawlBenchmark.LoadAverage()}");
        foreach (var replicas in replicaCounts)
        {
            var database = $"monitor_bench_{Environment.ProcessId}_{replicas}";
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await ExecuteAsync(serverConnectionString, $"CREATE DATABASE \"{database}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
            try
            {
                var (row, passed) = await RunOnceAsync(paths, connectionString, replicas, feeds, items, hosts, Path.Combine(root, $"r{replicas}"), output, cancellationToken);
                rows.Add(row);
                ok &= passed;
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("| replicas | new items | s from T0 to the last item stored | items/s | workers' CPU s | feed requests | duplicate fetches | check |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            await output.WriteLineAsync($"| {row} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync($"load average after: {CrawlBenchmark.LoadAverage()}");
        return ok ? 0 : 1;
    }

    private static async Task<(string Row, bool Passed)> RunOnceAsync(ConfigPaths paths, string connectionString, int replicas, int feeds, int items, int hosts, string root, TextWriter output, CancellationToken cancellationToken)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var config = Path.Combine(root, "config");
        Directory.CreateDirectory(config);
        await using var farm = await LoopbackFarm.StartAsync(feeds, items, hosts);
        var t0 = DateTime.Now + StartMargin;
        WriteConfig(paths, config, connectionString, farm, t0);
        var workers = Enumerable.Range(0, replicas).Select(_ => StartWorker(config, root)).ToList();
        try
        {
            var expected = (long)feeds * items;
            while (DateTime.Now < t0)
            {
                if (workers.Any(w => w.Process.HasExited))
                {
                    await output.WriteLineAsync(string.Join(Environment.NewLine, workers.Select(w => w.Log.ToString())));
                    return ($"{replicas} | - | - | - | - | - | - | FAILED: a worker exited", false);
                }

                await Task.Delay(100, cancellationToken);
            }

            var ready = workers.All(w => w.Log.ToString().Contains("Application started", StringComparison.Ordinal));
            var cpuBefore = workers.Sum(w => Cpu(w.Process));
            var clock = Stopwatch.StartNew();
            long stored = 0;
            var deadline = TimeSpan.FromMinutes(15);
            while (clock.Elapsed < deadline && (stored = await CountAsync(connectionString, cancellationToken)) < expected)
            {
                await Task.Delay(250, cancellationToken);
            }

            var elapsed = clock.Elapsed.TotalSeconds;
            var cpu = workers.Sum(w => Cpu(w.Process)) - cpuBefore;
            await Task.Delay(2000, cancellationToken);
            var counters = farm.Counters;
            var feedRequests = counters.FeedOk + counters.FeedNotModified;
            var duplicates = feedRequests - feeds;
            var passed = ready && stored == expected && duplicates == 0;
            return (string.Join(" | ", replicas, stored.ToString("N0", CultureInfo.InvariantCulture), elapsed.ToString("N1", CultureInfo.InvariantCulture),
                (stored / elapsed).ToString("N0", CultureInfo.InvariantCulture), cpu.ToString("N1", CultureInfo.InvariantCulture),
                feedRequests.ToString("N0", CultureInfo.InvariantCulture), duplicates.ToString("N0", CultureInfo.InvariantCulture),
                passed ? "ok: every item stored once" : $"FAILED: {(ready ? "" : "workers not ready at T0; ")}{stored:N0} of {expected:N0} stored, {duplicates} duplicate fetches"), passed);
        }
        finally
        {
            foreach (var worker in workers)
            {
                if (!worker.Process.HasExited)
                {
                    worker.Process.Kill(entireProcessTree: true);
                }

                await worker.Process.WaitForExitAsync(CancellationToken.None);
                worker.Process.Dispose();
            }
        }
    }

    private static (Process Process, System.Text.StringBuilder Log) StartWorker(string config, string root)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ReplicaBenchmark).Assembly.Location);
        }

        foreach (var argument in new[] { "run", "--config", config })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Monitor__Web__Urls"] = $"http://127.0.0.1:{FreePort()}";
        var log = new System.Text.StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start a worker");
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, log);
    }

    private static void WriteConfig(ConfigPaths paths, string config, string connectionString, LoopbackFarm farm, DateTime t0)
    {
        foreach (var file in Directory.GetFiles(paths.Directory).Where(f => Path.GetFileName(f) is not ("sources.yaml" or "appsettings.json" or "appsettings.Development.json")))
        {
            File.Copy(file, Path.Combine(config, Path.GetFileName(file)));
        }

        var settings = new Dictionary<string, object>
        {
            ["ConnectionStrings"] = new Dictionary<string, string> { ["Monitor"] = connectionString },
            ["Monitor"] = new Dictionary<string, object>
            {
                ["Storage"] = new Dictionary<string, object> { ["Provider"] = "PostgreSql" },
                // The one place where this benchmark opens the crawler's address guard to loopback (the farm is on 127.0.0.x).
                ["Crawling"] = new Dictionary<string, object> { ["AllowedNetworks"] = new[] { "127.0.0.0/8" }, ["FetchArticles"] = false },
                ["Scheduling"] = new Dictionary<string, object> { ["JitterSeconds"] = 0, ["MisfireThresholdSeconds"] = 3600, ["DigestSchedule"] = "0 0 0 1 1 ? 2099" },
            },
        };
        File.WriteAllText(Path.Combine(config, "appsettings.json"), System.Text.Json.JsonSerializer.Serialize(settings));

        // Every source fires once, at T0 (local time, as Quartz reads cron).
        var cron = $"{t0.Second} {t0.Minute} {t0.Hour} {t0.Day} {t0.Month} ? {t0.Year}";
        using var sources = new StreamWriter(Path.Combine(config, "sources.yaml"));
        sources.WriteLine("sources:");
        for (var f = 0; f < farm.FeedCount; f++)
        {
            sources.WriteLine($"  - id: farm-{f:D5}");
            sources.WriteLine($"    url: {farm.FeedUrl(f)}");
            sources.WriteLine("    kind: feed");
            sources.WriteLine("    country: INT");
            sources.WriteLine("    language: en");
            sources.WriteLine($"    schedule: \"{cron}\"");
        }
    }

    private static async Task<long> CountAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Announcements\"", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // utime + stime of a running process, from /proc/PID/stat (clock ticks of 1/100 s).
    private static double Cpu(Process process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
