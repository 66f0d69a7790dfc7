using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Scheduling;

/// <summary>When jobs run. Section <c>Monitor:Scheduling</c>. Cron expressions are Quartz's (seconds first).</summary>
public sealed class SchedulingOptions
{
    public const string SectionName = "Monitor:Scheduling";

    /// <summary>Run the scheduler in <c>run</c> mode (off: web endpoints only).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Crawl schedule for sources that set none.</summary>
    [Required]
    public string DefaultCrawlSchedule { get; set; } = "0 0 * * * ?";

    /// <summary>Most seconds a crawl group's run is delayed after its trigger, spread deterministically by group, so
    /// groups on the same schedule do not all reach the network in the same second.</summary>
    [Range(0, 3600)]
    public int JitterSeconds { get; set; } = 120;

    /// <summary>How often (seconds) the worker checks <c>sources.yaml</c> and <c>taxonomy.yaml</c> for edits.</summary>
    [Range(1, 3600)]
    public int ConfigPollSeconds { get; set; } = 10;

    /// <summary>When the digest job looks for due digests.</summary>
    [Required]
    public string DigestSchedule { get; set; } = "0 */15 * * * ?";

    /// <summary>On a server database (SQL Server, PostgreSQL), where Quartz runs clustered: how often (seconds) each
    /// replica records in the database that it is alive and looks for replicas that stopped doing so.</summary>
    [Range(1, 600)]
    public double ClusterCheckinSeconds { get; set; } = 7.5;

    /// <summary>On a server database: how late (seconds) a replica's check-in may be, beyond its interval, before the
    /// others take its jobs over. A stopped replica's sources are picked up within
    /// 2 × <see cref="ClusterCheckinSeconds"/> + this.</summary>
    [Range(1, 600)]
    public double ClusterFailureSeconds { get; set; } = 7.5;

    /// <summary>How late (seconds) a trigger may fire (every worker thread busy, no replica alive) before it counts as
    /// missed; a missed crawl or digest trigger is not made up, the job runs at its next time (misfire policy
    /// "do nothing"). Keep it below the shortest schedule interval, so a late trigger never fires twice in a row.</summary>
    [Range(1, 86400)]
    public double MisfireThresholdSeconds { get; set; } = 60;

    /// <summary>Jobs one replica runs at once besides its crawl groups (the digest, operations jobs, groups added by a
    /// reload): every crawl group configured at start has a slot of its own on top of these.</summary>
    [Range(1, 200)]
    public int MaxConcurrentJobs { get; set; } = 10;

    /// <summary>Crawl groups per schedule: the sources sharing a schedule are split by a stable hash of their id into
    /// this many groups, each one scheduled job that crawls its sources as one pipeline. Replicas share the work by
    /// group; more groups share it more evenly, fewer cost less coordination.</summary>
    [Range(1, 1000)]
    public int CrawlGroups { get; set; } = 16;
}
