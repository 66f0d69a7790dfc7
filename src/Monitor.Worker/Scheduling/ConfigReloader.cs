using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Picks up edits to <c>sources.yaml</c> and <c>taxonomy.yaml</c> without a restart: a valid edit replaces the catalog
/// and (re)schedules crawl jobs for added sources and changed schedules and removes those of removed or disabled ones;
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
        await RemoveUnconfiguredJobsAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>A clustered store keeps jobs across restarts: the crawls of sources removed or disabled while no replica
    /// ran are deleted at start (an in-memory store starts empty, so there is nothing to do).</summary>
    private async Task RemoveUnconfiguredJobsAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var enabled = catalog.Sources.Where(s => s.Enabled).Select(s => CrawlJob.KeyFor(s.Id)).ToHashSet();
        var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(CrawlJob.KeyFor("x").Group), cancellationToken))
            .Where(k => !enabled.Contains(k))
            .ToList();
        if (stale.Count > 0)
        {
            await scheduler.DeleteJobs(stale, cancellationToken);
            logger.LogInformation("Removed the scheduled crawls of {Count} sources no longer configured", stale.Count);
        }
    }

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
                    // A boundary like a job's: a half-written file or a scheduler error must not stop the worker.
                    logger.LogError(ex, "Configuration reload failed; the running configuration is kept");
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

        var before = catalog.Sources.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var after = loaded.Sources.Where(s => s.Enabled).ToDictionary(s => s.Id, StringComparer.Ordinal);
        catalog.Replace(loaded.Sources, new AnnouncementClassifier(taxonomy));

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var removed = before.Keys.Except(after.Keys).ToList();
        foreach (var id in removed)
        {
            await scheduler.DeleteJob(CrawlJob.KeyFor(id), cancellationToken);
        }

        var defaultCron = scheduling.Value.DefaultCrawlSchedule;
        var scheduled = after.Values
            .Where(s => !before.TryGetValue(s.Id, out var old) || (old.Schedule ?? defaultCron) != (s.Schedule ?? defaultCron))
            .ToList();
        foreach (var source in scheduled)
        {
            var key = CrawlJob.KeyFor(source.Id);
            var job = JobBuilder.Create<CrawlJob>().WithIdentity(key).RequestRecovery().UsingJobData(CrawlJob.SourceIdKey, source.Id).Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(CrawlJob.TriggerKeyFor(source.Id))
                .ForJob(key)
                .WithCronSchedule(source.Schedule ?? defaultCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }

        logger.LogInformation("Configuration reloaded: {Count} sources, {Scheduled} (re)scheduled, {Removed} removed",
            loaded.Sources.Count, scheduled.Count, removed.Count);
        return true;
    }
}
