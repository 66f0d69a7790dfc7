using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Clustering;
using Monitor.Worker.Crawling;
using Monitor.Worker.Crawling.Benchmark;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// <c>bench store</c>: a SQLite store holding <c>stored</c> announcements fetched over the story window (14 days), then
/// the time to add one more, <c>adds</c> times (each its own lookup, transaction and post-commit check, as a lone
/// item from a source would be).
/// </summary>
public static class StoreBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    public static async Task<int> RunAsync(int stored, int adds, string? workDirectory, TextWriter output, CancellationToken cancellationToken)
    {
        var root = workDirectory ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-store-{Environment.ProcessId}");
        Directory.CreateDirectory(root);
        var file = Path.Combine(root, "store.db");
        File.Delete(file);
        var contexts = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={file}");
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var now = DateTime.UtcNow;
        var store = new AnnouncementStore(contexts, TimeProvider.System);
        var fill = Stopwatch.StartNew();
        await Cli.CliProgress.RunAsync(output, "filling the store", (stored + 499) / 500, async progress =>
        {
            for (var start = 0; start < stored; start += 500)
            {
                var batch = Enumerable.Range(start, Math.Min(500, stored - start))
                    .Select(i => Item(i, now - TimeSpan.FromDays(14) * (stored - i) / stored))
                    .ToList();
                await store.StoreAsync(batch, [], () => [], cancellationToken);
                progress.Step($"{start + batch.Count:N0} stored");
            }

            return stored;
        }, unit: "batches of 500");

        await output.WriteLineAsync($"filled {stored:N0} announcements over 14 days in {fill.Elapsed.TotalSeconds:N1} s ({stored / fill.Elapsed.TotalSeconds:N0}/s in batches of 500)");
        var times = new List<double>(adds);
        for (var i = 0; i < adds; i++)
        {
            var item = Item(stored + i, DateTime.UtcNow);
            var clock = Stopwatch.StartNew();
            await store.AddAsync(item, cancellationToken);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"add one announcement to a store of {stored:N0}: median {times[times.Count / 2]:N2} ms, p95 {times[(int)(times.Count * 0.95)]:N2} ms, mean {times.Average():N2} ms ({adds} adds)"));
        SqliteConnection.ClearAllPools();
        if (workDirectory is null)
        {
            Directory.Delete(root, recursive: true);
        }

        return 0;
    }

    private static Announcement Item(int i, DateTime fetchedAt)
    {
        var (feed, item) = (i / 20, i % 20);
        var title = FarmText.Title(feed, item);
        var text = string.Join("\n\n", FarmText.Paragraphs(feed, item));
        var url = $"https://bench.example/{feed}/{item}";
        return new Announcement
        {
            UrlHash = AnnouncementBuilder.Hash(url),
            CanonicalUrl = url,
            SourceId = $"bench-{feed % 500}",
            ItemKeyHash = AnnouncementBuilder.Hash(url),
            Title = title,
            FetchedAt = fetchedAt,
            PublishedAt = fetchedAt,
            Language = "en",
            Text = text,
            Summary = AnnouncementBuilder.Summarize(text),
            SimHash = SimHash.Compute(text),
        };
    }
}
