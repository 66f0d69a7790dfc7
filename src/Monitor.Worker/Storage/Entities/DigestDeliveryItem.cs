namespace Monitor.Worker.Storage.Entities;

/// <summary>An announcement in a delivery; unique per subscriber, so no announcement reaches a subscriber twice.</summary>
public sealed class DigestDeliveryItem
{
    public long DeliveryId { get; set; }

    public long AnnouncementId { get; set; }

    /// <summary>The delivery's subscriber, repeated here so the unique index can hold per subscriber.</summary>
    public long SubscriberId { get; set; }
}
