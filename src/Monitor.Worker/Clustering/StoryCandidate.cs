namespace Monitor.Worker.Clustering;

/// <summary>What story matching compares: an announcement's id, story, title and text SimHash.</summary>
public sealed record StoryCandidate(long AnnouncementId, long? StoryId, string Title, long TextHash);
