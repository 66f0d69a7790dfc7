namespace Monitor.Worker.Storage.Entities;

/// <summary>A cluster of announcements from several sources that report the same thing.</summary>
public sealed class Story
{
    public long Id { get; set; }

    public required string Title { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Announcement> Announcements { get; } = [];
}
