namespace Monitor.Worker.Storage.Entities;

/// <summary>
/// One entry of the public archive's index: a relevant announcement listed under a term (<c>*</c> for every relevant
/// announcement, <c>t:topic</c>, <c>c:country</c>, <c>l:language</c>, <c>w:word</c> of its title or summary), with the
/// date it sorts by. Every archive listing walks one term's entries in date order and checks the others by key, so no
/// request reads more than the page it shows (see <see cref="Archive.ArchiveTerms"/>).
/// </summary>
public sealed class ArchiveTerm
{
    public long AnnouncementId { get; set; }

    public required string Term { get; set; }

    /// <summary>Publication date (the fetch date when there is none or it lies after the fetch), UTC.</summary>
    public DateTime SortAt { get; set; }

    public Announcement? Announcement { get; set; }
}
