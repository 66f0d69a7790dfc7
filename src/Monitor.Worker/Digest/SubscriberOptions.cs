namespace Monitor.Worker.Digest;

/// <summary>One subscriber and the digest they chose.</summary>
public sealed class SubscriberOptions
{
    /// <summary>Email address.</summary>
    public string Email { get; set; } = "";

    /// <summary>Display name.</summary>
    public string? Name { get; set; }

    /// <summary>Topics to include (empty: all).</summary>
    public List<string> Topics { get; set; } = [];

    /// <summary>Country codes to include (empty: all).</summary>
    public List<string> Countries { get; set; } = [];

    /// <summary>Language tags to include (empty: all).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary><c>Daily</c>, <c>Weekly</c> or <c>Instant</c>.</summary>
    public DigestFrequency Frequency { get; set; } = DigestFrequency.Daily;

    /// <summary>Minimum relevance score; the digest default when absent.</summary>
    public double? MinScore { get; set; }

    /// <summary>Local hour (0-23) from which the period's digest is due.</summary>
    public int SendHour { get; set; } = 7;

    /// <summary>IANA time zone of <see cref="SendHour"/> and of period boundaries.</summary>
    public string TimeZone { get; set; } = "UTC";
}
