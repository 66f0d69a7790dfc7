using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Operations;

/// <summary>Mail to ops when a source keeps failing, and when it recovers. Section <c>Monitor:Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Monitor:Alerts";

    /// <summary>Addresses that get the alerts; empty: no alert mail (failures are still logged and on <c>/health/sources</c>).</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Consecutive failures after which a source is reported (once), at most <c>Crawling:MaxConsecutiveFailures</c>.</summary>
    [Range(1, 1000)]
    public int AfterFailures { get; set; } = 3;

    /// <summary>How often (seconds) the worker looks for sources that crossed the threshold or recovered.</summary>
    [Range(5, 86400)]
    public int CheckSeconds { get; set; } = 60;
}
