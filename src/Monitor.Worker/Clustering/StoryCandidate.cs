namespace Monitor.Worker.Clustering;

/// <summary>What story matching compares: an announcement's id, story, title and text SimHash, and for the anchor rule
/// its anchors (<see cref="StoryAnchors"/>) and publication time.</summary>
public sealed record StoryCandidate(long AnnouncementId, long? StoryId, string Title, long TextHash)
{
    /// <summary>The report's anchors, in key order (empty when unknown).</summary>
    public IReadOnlyList<string> Anchors { get; init; } = [];

    /// <summary>When it was published (or fetched, when the source gave no date).</summary>
    public DateTime? Published { get; init; }
}
