namespace Monitor.Worker.Storage.Entities;

/// <summary>An open failure alert: the row exists from the alert mail until the recovery mail. Its primary key is the
/// claim: the replica whose insert (or delete) succeeds sends the mail, so every replica together sends one of each.</summary>
public sealed class SourceAlert
{
    public required string SourceId { get; set; }

    /// <summary>When the failure alert was sent.</summary>
    public DateTime AlertedAt { get; set; }

    /// <summary>Consecutive failures when it was sent.</summary>
    public int Failures { get; set; }
}
