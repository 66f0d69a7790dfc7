using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Subscriptions;

/// <summary>Self-service subscriptions: links, tokens, limits and bounces. Section <c>Monitor:Subscriptions</c>.</summary>
public sealed class SubscriptionOptions
{
    public const string SectionName = "Monitor:Subscriptions";

    /// <summary>The public address of the worker's web pages; every link in a mail is built from it (https in production).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080/";

    /// <summary>How long a confirmation link works, in hours.</summary>
    [Range(1, 720)]
    public int ConfirmationHours { get; set; } = 48;

    /// <summary>How long the preferences and unsubscribe links in a digest work, in days.</summary>
    [Range(1, 3650)]
    public int ManageLinkDays { get; set; } = 180;

    /// <summary>At most one confirmation (or preferences-link) mail per address in this many minutes.</summary>
    [Range(1, 10080)]
    public int LinkResendMinutes { get; set; } = 60;

    /// <summary>Seconds before a subscription mail that could not be sent is tried again; also how often each replica looks
    /// for mails other replicas queued and did not send.</summary>
    [Range(1, 3600)]
    public int MailRetrySeconds { get; set; } = 30;

    /// <summary>Permanent refusals (5xx on RCPT) in a row after which a subscriber is marked <c>bouncing</c>.</summary>
    [Range(1, 100)]
    public int BounceLimit { get; set; } = 3;

    /// <summary>Form posts (subscribe, confirm, new link) accepted from one IP address per hour.</summary>
    [Range(1, 100000)]
    public int RequestsPerIpPerHour { get; set; } = 20;

    /// <summary>Subscribe and new-link requests accepted for one address per hour (more are answered the same way and ignored).</summary>
    [Range(1, 1000)]
    public int RequestsPerAddressPerHour { get; set; } = 5;

    /// <summary>The <c>mailto:</c> of <c>List-Unsubscribe</c>; the digest's sender address when empty. Mail to it is for ops to act on.</summary>
    public string? UnsubscribeMailbox { get; set; }

    /// <summary>The <c>List-Id</c> identifier; <c>digest.</c> + the public host when empty.</summary>
    public string? ListId { get; set; }

    /// <summary>Lowest relevance score an <c>instant</c> subscriber is sent (their own minimum applies when higher).</summary>
    [Range(0.0, 1.0)]
    public double InstantMinScore { get; set; } = 0.8;
}
