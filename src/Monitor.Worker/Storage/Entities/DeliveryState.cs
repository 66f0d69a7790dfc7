namespace Monitor.Worker.Storage.Entities;

/// <summary>Where a digest delivery stands.</summary>
public enum DeliveryState
{
    Pending = 0,
    Sent = 1,
    Failed = 2,

    /// <summary>No more attempts: too many failures or a permanent refusal; its items were released to the next digest.</summary>
    GivenUp = 3,
}
