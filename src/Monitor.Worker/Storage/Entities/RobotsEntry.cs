namespace Monitor.Worker.Storage.Entities;

/// <summary>A site's robots.txt as last fetched, kept for its lifetime so later crawls (and processes) do not fetch it again.</summary>
public sealed class RobotsEntry
{
    /// <summary>Scheme, host and port: <c>https://www.example.go.jp</c>.</summary>
    public required string Site { get; set; }

    /// <summary>The file's text (at most 512 KiB), or null when there was none (every path allowed).</summary>
    public string? Text { get; set; }

    public DateTime FetchedAt { get; set; }

    /// <summary>Fetched again after this.</summary>
    public DateTime ExpiresAt { get; set; }
}
