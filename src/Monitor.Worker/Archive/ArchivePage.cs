namespace Monitor.Worker.Archive;

/// <summary>One page of a listing and where the next one starts (null on the last page).</summary>
public sealed record ArchivePage(IReadOnlyList<ArchiveStory> Stories, ArchiveCursor? Next)
{
    /// <summary>The newest change among the stories shown (null for an empty page).</summary>
    public DateTime? LastModified => Stories.Count == 0 ? null : Stories.Max(s => s.UpdatedAt);
}
