namespace Monitor.Worker.Storage.Entities;

/// <summary>An announcement in a delivery; unique per subscriber, so no announcement reaches a subscriber twice.</summary>
public sealed class DigestDeliveryItem
{
    public long DeliveryId { get; set; }

    public long AnnouncementId { get; set; }

    public required string SubscriberKey { get; set; }
}
