namespace Monitor.Worker.Subscriptions;

/// <summary>What a link token may be used for; a token made for one purpose never opens another.</summary>
public enum LinkPurpose
{
    /// <summary>The double opt-in link (expires after <see cref="SubscriptionOptions.ConfirmationHours"/>).</summary>
    Confirm,

    /// <summary>Preferences and unsubscribe links in digests (expire after <see cref="SubscriptionOptions.ManageLinkDays"/>).</summary>
    Manage,
}
