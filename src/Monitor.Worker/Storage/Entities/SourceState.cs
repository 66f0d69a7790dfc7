namespace Monitor.Worker.Storage.Entities;

/// <summary>Per-source crawl state, like miniflux's feed row: validators for conditional GET and the failure record.</summary>
public sealed class SourceState
{
    public required string SourceId { get; set; }

    public string? ETag { get; set; }

    public string? LastModified { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    public int ConsecutiveFailures { get; set; }

    public string? LastError { get; set; }

    /// <summary>Earliest time of the next scheduled crawl (backoff after failures, Retry-After).</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Outcome of the last attempt: ok, not-modified, failed, rate-limited.</summary>
    public string? LastOutcome { get; set; }

    /// <summary>Items stored from this source, all time.</summary>
    public int ItemsStored { get; set; }

    /// <summary>True when this state was read from the database (or written to it): saving it is an UPDATE. Not stored.</summary>
    public bool Persisted { get; set; }
}
