using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Picks up edits to <c>sources.yaml</c> and <c>taxonomy.yaml</c> without a restart: a valid edit replaces the catalog
/// (each crawl group reads its sources from it when it fires), schedules the crawl groups that gain their first source
/// (a new schedule) and removes those left without one;
/// an invalid edit is logged with every problem and the running configuration is kept.
/// </summary>
internal sealed class ConfigReloader(
    ConfigPaths paths,
    SourceCatalog catalog,
    ISchedulerFactory schedulers,
    IOptions<SchedulingOptions> scheduling,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<ConfigReloader> logger) : BackgroundService
{
    private string _seen = "";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Taken here, not in ExecuteAsync: .NET runs ExecuteAsync on the thread pool, possibly after a first edit.
        _seen = Fingerprint();
        var (_, _, removed) = await SyncCrawlJobsAsync(catalog.Sources, replaceExisting: true, cancellationToken);
        if (removed > 0)
        {
            logger.LogInformation("Removed {Count} scheduled crawls the configuration no longer has", removed);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Makes the scheduler's crawl jobs those of <paramref name="sources"/>' groups, compared with the jobs the scheduler
    /// has (so a reload that failed half way is completed by the next one): deletes the others (groups left without
    /// sources, groups planned with other settings, per-source jobs of an older version that a clustered store kept
    /// across restarts) and schedules the missing ones, or at start every one (<paramref name="replaceExisting"/>), so
    /// each job carries this replica's settings. Returns the planned, scheduled and removed counts.
    /// </summary>
    private async Task<(int Planned, int Scheduled, int Removed)> SyncCrawlJobsAsync(IEnumerable<SourceDefinition> sources, bool replaceExisting, CancellationToken cancellationToken)
    {
        var planned = Plan(sources).Keys.ToDictionary(g => g.JobKey);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var existing = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(CrawlGroup.JobGroup), cancellationToken)).ToHashSet();
        var removed = existing.Where(k => !planned.ContainsKey(k)).ToList();
        if (removed.Count > 0)
        {
            await scheduler.DeleteJobs(removed, cancellationToken);
        }

        var scheduled = planned.Where(p => replaceExisting || !existing.Contains(p.Key)).Select(p => p.Value).ToList();
        foreach (var group in scheduled)
        {
            await scheduler.ScheduleJob(group.Job(scheduling.Value.DefaultCrawlSchedule), group.Trigger(time), ScheduleJobOptions.Replacing, cancellationToken);
        }

        return (planned.Count, scheduled.Count, removed.Count);
    }

    private Dictionary<CrawlGroup, List<SourceDefinition>> Plan(IEnumerable<SourceDefinition> sources) =>
        CrawlGroup.Plan(sources, scheduling.Value.DefaultCrawlSchedule, scheduling.Value.CrawlGroups);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Polling, not FileSystemWatcher: it also sees files swapped behind symlinks (Kubernetes ConfigMaps, bind
        // mounts) and cannot fail on an exhausted inotify limit.
        var interval = TimeSpan.FromSeconds(scheduling.Value.ConfigPollSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stoppingToken);
                var now = Fingerprint();
                if (now == _seen)
                {
                    continue;
                }

                _seen = now;
                try
                {
                    await ReloadAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A boundary like a job's: a half-written file or a scheduler error must not stop the worker. The
                    // next poll tries again (the files are read anew and the jobs compared with the scheduler's).
                    _seen = "";
                    logger.LogError(ex, "Configuration reload failed; it is tried again at the next check");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Names, sizes and write times of the files a reload reads (sources, taxonomy, model files).</summary>
    private string Fingerprint()
    {
        var files = Directory.Exists(paths.Directory)
            ? Directory.GetFiles(paths.Directory).Where(f => Path.GetFileName(f) is not ("appsettings.json" or "sources.yaml") && !Path.GetFileName(f).StartsWith("appsettings.", StringComparison.Ordinal))
                .Append(paths.SourcesFile)
            : [paths.SourcesFile];
        return string.Join('|', files.Order(StringComparer.Ordinal).Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{info.Name}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{info.Name}:missing";
        }));
    }

    /// <summary>Reloads now; false (and the old configuration kept) when the files have problems.</summary>
    public async Task<bool> ReloadAsync(CancellationToken cancellationToken)
    {
        // The same limits as at start: a 50 MB or 200,000-source edit is refused before it is read in full.
        var limits = ConfigurationLimits.From(configuration);
        var loaded = SourcesFileLoader.Load(paths.SourcesFile, limits);
        var (taxonomy, taxonomyProblems) = TaxonomyLoader.Load(paths.TaxonomyFile, loadStatisticalModel: true, limits);
        var problems = loaded.Problems.Concat(taxonomyProblems).Concat(ConfigurationCheck.InternalAddresses(loaded.Sources, configuration, paths)).ToList();
        if (problems.Count > 0 || taxonomy is null)
        {
            logger.LogError("Configuration edit rejected, the running configuration is kept; {Count} problem(s):{NewLine}{Problems}",
                problems.Count, Environment.NewLine, string.Join(Environment.NewLine, limits.Listing(problems).Select(p => "  - " + p)));
            return false;
        }

        catalog.Replace(loaded.Sources, new AnnouncementClassifier(taxonomy));

        // Sources join and leave groups by being read at each fire; only groups that appear or empty change the jobs.
        var (planned, scheduled, removed) = await SyncCrawlJobsAsync(loaded.Sources, replaceExisting: false, cancellationToken);
        logger.LogInformation("Configuration reloaded: {Count} sources in {Groups} crawl groups, {Scheduled} groups added, {Removed} removed",
            loaded.Sources.Count, planned, scheduled, removed);
        if (scheduled > 0)
        {
            logger.LogWarning("{Count} crawl groups were added by the edit; they share the replica's {Jobs} spare job slots until a restart gives each its own",
                scheduled, scheduling.Value.MaxConcurrentJobs);
        }

        return true;
    }
}
