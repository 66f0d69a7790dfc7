using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.Worker.Scheduling;

/// <summary>Crawls one source (its id is in the job data). One job per source; a source's runs never overlap.</summary>
[DisallowConcurrentExecution]
internal sealed class CrawlJob(SourceCatalog catalog, SourceCrawler crawler, IOptions<SchedulingOptions> options, ILogger<CrawlJob> logger) : IJob
{
    /// <summary>Job data key holding the source id.</summary>
    public const string SourceIdKey = "sourceId";

    /// <summary>The job key of <paramref name="sourceId"/>'s crawl.</summary>
    public static JobKey KeyFor(string sourceId) => new($"crawl:{sourceId}", "crawl");

    /// <summary>The key of the cron trigger of <paramref name="sourceId"/>'s crawl.</summary>
    public static TriggerKey TriggerKeyFor(string sourceId) => new($"crawl:{sourceId}:trigger", "crawl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var sourceId = context.MergedJobDataMap.GetString(SourceIdKey);
        try
        {
            var source = sourceId is null ? null : catalog.Find(sourceId);
            if (source is null || !source.Enabled)
            {
                return;
            }

            if (context.Recovering)
            {
                // A replica stopped while crawling this source; this one runs the crawl again (clustered store only).
                logger.LogInformation("Recovering the crawl of {SourceId} that a stopped replica left unfinished", source.Id);
            }
            else
            {
                await Task.Delay(Jitter(source.Id, options.Value.JitterSeconds), cancellationToken);
            }

            await crawler.CrawlAsync(source, force: false, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Crawl job failed for {SourceId}", sourceId);
        }
    }

    /// <summary>A stable delay per source, so sources on the same cron do not all hit the network in the same second.</summary>
    public static TimeSpan Jitter(string sourceId, int maxSeconds)
    {
        if (maxSeconds <= 0)
        {
            return TimeSpan.Zero;
        }

        var hash = 17;
        foreach (var c in sourceId)
        {
            hash = unchecked((hash * 31) + c);
        }

        return TimeSpan.FromSeconds((uint)hash % (uint)(maxSeconds + 1));
    }
}
