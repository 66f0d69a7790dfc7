using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>A stored announcement whose source data changed: rebuilt from the new data, and whether that is material.</summary>
/// <param name="Id">The stored announcement.</param>
/// <param name="Rebuilt">The announcement built again from the new data (not stored; its values are copied).</param>
/// <param name="Material">True when the title or text changed materially: the announcement is updated. Otherwise only
/// the new <see cref="Announcement.FeedHash"/> is kept, so the page is not read again for the same change.</param>
public sealed record AnnouncementRevision(long Id, Announcement Rebuilt, bool Material);
