namespace Monitor.Worker.Storage.Entities;

/// <summary>
/// The ledger row for one subscriber's digest of one period. Inserted (unique on subscriber × period) before sending,
/// together with its items, so a second worker or a restart can never send the same digest twice.
/// </summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }

    public long SubscriberId { get; set; }

    /// <summary>The period, e.g. <c>daily:2026-11-28</c> or <c>weekly:2026-W48</c>.</summary>
    public required string PeriodKey { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Message-Id of the digest: the same on every attempt so receivers can drop a duplicate.</summary>
    public required string MessageId { get; set; }

    public List<DigestDeliveryItem> Items { get; } = [];
}
