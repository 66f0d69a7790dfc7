namespace Monitor.Worker.Storage.Entities;

/// <summary>Where a subscriber stands: <c>pending → active → unsubscribed</c>, or <c>bouncing</c> after repeated permanent rejections.</summary>
public enum SubscriberStatus
{
    /// <summary>Signed up; waiting for the confirmation link to be followed. Gets no digests.</summary>
    Pending,

    /// <summary>Confirmed (or added by ops); gets digests.</summary>
    Active,

    /// <summary>Asked to stop (or was removed from configuration). Gets nothing.</summary>
    Unsubscribed,

    /// <summary>The mail server refused the address permanently too often. Gets nothing until confirmed again.</summary>
    Bouncing,
}
