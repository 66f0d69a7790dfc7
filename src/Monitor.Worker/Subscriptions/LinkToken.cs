namespace Monitor.Worker.Subscriptions;

/// <summary>What a valid link token says: whose it is and the subscriber's token stamp when it was made.</summary>
public sealed record LinkToken(long SubscriberId, string Stamp);
