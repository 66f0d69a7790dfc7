using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>
/// Crawls one <see cref="CrawlGroup"/> (named in the job data) as one pipeline: fetching, building and storing overlap
/// across its sources, as in a <c>crawl</c> pass. A group's runs never overlap, on any replica, and each source is in
/// one group, so neither do a source's.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CrawlJob(SourceCatalog catalog, CrawlRunner runner, IOptions<SchedulingOptions> options, ILogger<CrawlJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var planned = CrawlGroup.FromJobData(data);
        try
        {
            // Read at fire time from the running configuration, with the settings the group was planned with: a reload
            // that adds or removes sources of this schedule changes the members, not the job. A per-source job of an
            // earlier version (left by a replica not yet upgraded) crawls its source.
            var members = planned is { } plan
                ? plan.Group.Members(catalog.Sources, plan.DefaultSchedule)
                : data.GetString(CrawlGroup.SourceIdKey) is { } id && catalog.Find(id) is { Enabled: true } single ? [single] : [];
            if (members.Count == 0)
            {
                return;
            }

            if (context.Recovering)
            {
                // A replica stopped while crawling this group; this one runs it again (clustered store only). Every source
                // is read again; items the stopped one stored are known, so only the rest are stored.
                foreach (var source in members)
                {
                    logger.LogInformation("Recovering the crawl of {SourceId} that a stopped replica left unfinished", source.Id);
                }
            }
            else
            {
                await Task.Delay(Jitter(planned?.Group.Name ?? members[0].Id, options.Value.JitterSeconds), cancellationToken);
            }

            await runner.RunGroupAsync(members, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Crawl of the group {Group} failed", planned?.Group.Name ?? data.GetString(CrawlGroup.SourceIdKey));
        }
    }

    /// <summary>A stable delay per group, so groups on the same cron do not all hit the network in the same second.</summary>
    public static TimeSpan Jitter(string name, int maxSeconds) =>
        maxSeconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(CrawlGroup.StableHash(name) % (uint)(maxSeconds + 1));
}
