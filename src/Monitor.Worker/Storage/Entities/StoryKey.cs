namespace Monitor.Worker.Storage.Entities;

/// <summary>A title key of an announcement beyond its fourth (see <c>Clustering.StoryKeys</c>), indexed with its fetch time
/// so a lookup reads only the story window's rows for that key.</summary>
public sealed class StoryKey
{
    public long Key { get; set; }

    public DateTime FetchedAt { get; set; }

    public long AnnouncementId { get; set; }

    public Announcement? Announcement { get; set; }
}
