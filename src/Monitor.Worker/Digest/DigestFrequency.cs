namespace Monitor.Worker.Digest;

/// <summary>How often a subscriber gets a digest.</summary>
public enum DigestFrequency
{
    /// <summary>Once a day, from the subscriber's send hour.</summary>
    Daily,

    /// <summary>Once an ISO week, Monday from the send hour.</summary>
    Weekly,

    /// <summary>High-relevance items only, batched at most every 15 minutes, at any hour.</summary>
    Instant,
}
