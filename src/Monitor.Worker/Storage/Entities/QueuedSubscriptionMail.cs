namespace Monitor.Worker.Storage.Entities;

/// <summary>
/// A subscription mail (confirmation or preferences link) waiting to be sent: written with the request that asks for it,
/// deleted once the mail is sent. Any replica's mailer sends it, so a replica that stops before sending loses nothing.
/// </summary>
public sealed class QueuedSubscriptionMail
{
    public long Id { get; set; }

    public long SubscriberId { get; set; }

    /// <summary>The template: <c>confirm</c> or <c>manage</c>.</summary>
    public required string Template { get; set; }

    /// <summary>When it was asked for; a mail still unsent after the confirmation link's lifetime is dropped.</summary>
    public DateTime QueuedAt { get; set; }

    /// <summary>Until when a replica's mailer holds it (sending, or waiting to retry after a failure); null when free.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
