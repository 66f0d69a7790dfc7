namespace Monitor.Worker.Digest;

/// <summary>A digest to record: whose, which period, which announcements.</summary>
public sealed record DeliveryRequest(long SubscriberId, string PeriodKey, IReadOnlyList<long> AnnouncementIds);
