namespace Monitor.Worker.Subscriptions;

/// <summary>A transactional mail to queue: the confirmation link, or the preferences link for an active subscriber.</summary>
public sealed record SubscriptionMail(long SubscriberId, string Template);
