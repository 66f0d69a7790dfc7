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

    /// <summary>Most seconds a source's crawl is delayed after its trigger, spread deterministically by source id.</summary>
    [Range(0, 3600)]
    public int JitterSeconds { get; set; } = 120;

    /// <summary>How often (seconds) the worker checks <c>sources.yaml</c> and <c>taxonomy.yaml</c> for edits.</summary>
    [Range(1, 3600)]
    public int ConfigPollSeconds { get; set; } = 10;

    /// <summary>When the digest job looks for due digests.</summary>
    [Required]
    public string DigestSchedule { get; set; } = "0 */15 * * * ?";
}
