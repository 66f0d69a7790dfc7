namespace Monitor.Worker.Storage.Entities;

/// <summary>Where a digest delivery stands.</summary>
public enum DeliveryState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,
}
