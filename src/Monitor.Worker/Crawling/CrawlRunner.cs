using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Monitor.Worker.Fetching;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Crawling;

/// <summary>
/// Runs a crawl pass over many sources as a pipeline: fetching (I/O, <c>MaxParallelSources</c> at once), building
/// (extraction and classification, one worker per core) and storing (one writer, each transaction taking every source
/// that is ready, up to <see cref="MaxItemsPerTransaction"/> items) overlap across sources. Source states and cached
/// robots.txt files are read once per pass; on SQLite the archive's index rows of a pass are written in large sorted
/// batches (<see cref="AnnouncementStore.DeferArchiveIndex"/>). The fetch and build limits hold for the process: scheduled groups that run
/// at once share them, so a minute when every group fires uses the same connections and cores as one pass.
/// </summary>
public sealed class CrawlRunner(SourceCatalog catalog, SourceCrawler crawler, SourceStateStore states, RobotsCache robots, Observability.MonitorMetrics metrics, IOptions<CrawlingOptions> options) : IDisposable
{
    /// <summary>Most new items stored in one transaction.</summary>
    public const int MaxItemsPerTransaction = 1000;

    // Shared by every pass running at once. A stage holds a slot only while it works, never while it waits for the next
    // stage, so passes cannot block one another.
    private readonly SemaphoreSlim _fetchSlots = new(options.Value.MaxParallelSources);
    private readonly SemaphoreSlim _buildSlots = new(Environment.ProcessorCount);

    /// <summary>
    /// Built sources waiting for the writer, per core. When storing is the slowest stage, what piles up during one
    /// transaction is the next one: each transaction's random inserts into the indexes (the story indexes; the archive's,
    /// before its rows were held back for the pass) rewrite many of their pages, so a few large transactions write far
    /// less than many small ones. Crawl benchmark on SQLite, first pass, items/s and peak RSS, measured while the archive
    /// rows still went in with each transaction: 4 per core (about 200 items per transaction) 880 and 252 MB at N=5,000;
    /// 8 per core 969 and 260 MB; 32 per core with 2,000 items 994 and 320 MB.
    /// </summary>
    private const int ReadyToStorePerCore = 8;

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
        var stored = await states.GetAllAsync(cancellationToken);
        await robots.LoadAsync(cancellationToken);
        var results = await RunCoreAsync(sources, stored, force, progress, cancellationToken);
        metrics.CrawlPass(System.Diagnostics.Stopwatch.GetElapsedTime(started), sources.Count);
        return results;
    }

    /// <summary>
    /// Crawls <paramref name="sources"/> (a scheduled group): their states are read by id, and cached robots.txt files
    /// once per process, so the cost follows the group, not everything configured or stored. Results in source order.
    /// </summary>
    public async Task<IReadOnlyList<CrawlOutcome>> RunGroupAsync(IReadOnlyList<SourceDefinition> sources, CancellationToken cancellationToken)
    {
        using var activity = Observability.MonitorTracing.Source.StartActivity("crawl group");
        activity?.SetTag("monitor.sources", sources.Count);
        var stored = await states.GetManyAsync(sources.Select(s => s.Id).ToList(), cancellationToken);
        await robots.EnsureLoadedAsync(cancellationToken);
        return await RunCoreAsync(sources, stored, force: false, progress: null, cancellationToken);
    }

    private async Task<IReadOnlyList<CrawlOutcome>> RunCoreAsync(
        IReadOnlyList<SourceDefinition> sources, Dictionary<string, SourceState> stored, bool force, IProgress<CrawlOutcome>? progress, CancellationToken cancellationToken)
    {
        var order = sources.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var results = new CrawlOutcome[sources.Count];
        var workers = Environment.ProcessorCount;
        var toBuild = Channel.CreateBounded<SourceWork>(new BoundedChannelOptions(2 * workers) { SingleReader = false });
        var toStore = Channel.CreateBounded<SourceWork>(new BoundedChannelOptions(ReadyToStorePerCore * workers) { SingleReader = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The archive's index rows of a pass go in together, in large sorted batches, not a few with each transaction.
        await using var archiveRows = crawler.DeferArchiveIndex();

        var fetching = Stage(toBuild.Writer, () => Parallel.ForEachAsync(
            sources,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxParallelSources, CancellationToken = stop.Token },
            async (source, token) =>
            {
                var state = stored.GetValueOrDefault(source.Id) ?? new SourceState { SourceId = source.Id };
                SourceWork work;
                await _fetchSlots.WaitAsync(token);
                try
                {
                    work = await crawler.FetchAsync(source, state, force, token);
                }
                finally
                {
                    _fetchSlots.Release();
                }

                await toBuild.Writer.WriteAsync(work, token);
            }));
        var building = Stage(toStore.Writer, () => Parallel.ForEachAsync(
            toBuild.Reader.ReadAllAsync(stop.Token),
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = stop.Token },
            async (work, token) =>
            {
                await _buildSlots.WaitAsync(token);
                try
                {
                    await crawler.BuildAsync(work, token);
                }
                finally
                {
                    _buildSlots.Release();
                }

                await toStore.Writer.WriteAsync(work, token);
            }));

        try
        {
            var group = new List<SourceWork>();
            var caughtUp = false;
            while (await toStore.Reader.WaitToReadAsync(stop.Token))
            {
                group.Clear();
                var items = 0;
                while (items < MaxItemsPerTransaction && toStore.Reader.TryRead(out var work))
                {
                    group.Add(work);
                    items += work.Fresh.Count + work.Revisions.Count;
                }

                if (items > 0 && !caughtUp)
                {
                    // Before the pass's first announcements: the archive rows a killed earlier pass held and never wrote
                    // (a pass with nothing new, all 304, does no database work for it).
                    caughtUp = true;
                    await crawler.CatchUpArchiveIndexAsync(stop.Token);
                }

                var outcomes = await crawler.StoreAsync(group, stop.Token);
                foreach (var outcome in outcomes)
                {
                    results[order[outcome.SourceId]] = outcome;
                    progress?.Report(outcome);
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await Task.WhenAll(fetching, building).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        await fetching;
        await building;
        await robots.SaveAsync(CancellationToken.None);
        return results;
    }

    public void Dispose()
    {
        _fetchSlots.Dispose();
        _buildSlots.Dispose();
    }

    // Runs a stage and completes its output channel however it ends, so the next stage never waits forever.
    private static Task Stage(ChannelWriter<SourceWork> output, Func<Task> body) => Task.Run(async () =>
    {
        try
        {
            await body();
            output.TryComplete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    });
}
