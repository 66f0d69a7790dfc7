using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Digest;

/// <summary>Digest composition and delivery. Section <c>Monitor:Digest</c>.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Monitor:Digest";

    /// <summary>Sender address of digests.</summary>
    [Required, EmailAddress]
    public string From { get; set; } = "monitor@localhost";

    /// <summary>Sender display name.</summary>
    public string FromName { get; set; } = "Monitor";

    /// <summary>Directory where digests are written as <c>.eml</c> files when no SMTP host is configured.</summary>
    [Required]
    public string OutboxDirectory { get; set; } = "data/outbox";

    /// <summary>Default minimum relevance score of an item in a digest (a subscriber may set a higher one).</summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = 0.5;

    /// <summary>Most items in one digest (the rest carry over to the next).</summary>
    [Range(1, 1000)]
    public int MaxItems { get; set; } = 100;

    /// <summary>Send attempts per digest before it is given up and its items released for the next period.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Send a short "nothing new" digest when a period has no items (by default an empty period sends nothing).</summary>
    public bool SendEmpty { get; set; }

    /// <summary>Subscribers handled together: one page query, one ledger insert, one SMTP connection per batch.</summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>Subscribers managed by ops, imported into the database at start (idempotent); see the README for which source wins.</summary>
    public List<SubscriberOptions> Subscribers { get; set; } = [];
}
