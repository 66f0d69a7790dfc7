namespace Monitor.Worker.Storage.Entities;

/// <summary>
/// How many limited requests one client (an IP address) or one subscription address made in one clock hour, shared by
/// every replica on the database. The key is a hash of what is counted, never the address itself; rows are deleted an
/// hour after their window ends.
/// </summary>
public sealed class RequestCount
{
    /// <summary>SHA-256 (hex) of the kind of limit and what it counts, e.g. of <c>ip:192.0.2.7</c>.</summary>
    public required string Key { get; set; }

    /// <summary>Start of the window (UTC, on the hour).</summary>
    public DateTime WindowStart { get; set; }

    /// <summary>Requests counted in the window, the refused ones included.</summary>
    public int Count { get; set; }
}
