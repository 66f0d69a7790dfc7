using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Operations;

/// <summary>What the maintenance job drops. Section <c>Monitor:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Monitor:Retention";

    /// <summary>Days the extracted text of an announcement is kept (then emptied; title, summary, classification, story
    /// and delivery history stay); 0 keeps it for ever.</summary>
    [Range(0, 36500)]
    public int TextDays { get; set; } = 180;

    /// <summary>When the maintenance job runs (Quartz cron, seconds first).</summary>
    [Required]
    public string Schedule { get; set; } = "0 30 3 * * ?";

    /// <summary>Announcements emptied per statement (short transactions, no long lock).</summary>
    [Range(10, 100000)]
    public int BatchSize { get; set; } = 1000;
}
