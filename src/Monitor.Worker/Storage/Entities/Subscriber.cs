using Monitor.Worker.Digest;

namespace Monitor.Worker.Storage.Entities;

/// <summary>A person who gets digests: address, status, filters and schedule. Unique by <see cref="EmailKey"/>.</summary>
public sealed class Subscriber
{
    public long Id { get; set; }

    /// <summary>The address as given.</summary>
    public required string Email { get; set; }

    /// <summary>The address trimmed and lower-cased: the unique key.</summary>
    public required string EmailKey { get; set; }

    public string? Name { get; set; }

    public SubscriberStatus Status { get; set; }

    /// <summary>Topic ids, space-separated; empty means all.</summary>
    public string Topics { get; set; } = "";

    /// <summary>Country codes, space-separated; empty means all.</summary>
    public string Countries { get; set; } = "";

    /// <summary>Language tags, space-separated; empty means all.</summary>
    public string Languages { get; set; } = "";

    /// <summary>Minimum relevance score; the digest default when null.</summary>
    public double? MinScore { get; set; }

    public DigestFrequency Frequency { get; set; } = DigestFrequency.Daily;

    /// <summary>Local hour (0-23) from which the period's digest is due.</summary>
    public int SendHour { get; set; } = 7;

    /// <summary>IANA time zone id of <see cref="SendHour"/>, period boundaries and the dates shown.</summary>
    public string TimeZone { get; set; } = "UTC";

    public SubscriberOrigin Origin { get; set; }

    /// <summary>True while the row follows <c>Monitor:Digest:Subscribers</c>: the person has not changed it themselves.</summary>
    public bool ManagedByConfiguration { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>When the last confirmation (or preferences-link) mail was queued; at most one an hour.</summary>
    public DateTime? LinkSentAt { get; set; }

    /// <summary>Random per subscriber and part of every link token: changing it revokes all links sent so far.</summary>
    public required string TokenStamp { get; set; }

    /// <summary>Permanent SMTP rejections (5xx on RCPT) since the last accepted delivery.</summary>
    public int ConsecutiveBounces { get; set; }

    public DateTime? LastBounceAt { get; set; }

    public string? LastBounceError { get; set; }
}
