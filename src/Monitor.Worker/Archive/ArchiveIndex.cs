using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Archive;

/// <summary>Writes the archive index: the rows of an announcement, and re-indexing announcements changed in place.</summary>
public static class ArchiveIndex
{
    /// <summary>The date an announcement sorts by: its publication date, unless missing or later than its fetch.</summary>
    public static DateTime SortAt(DateTime? publishedAt, DateTime fetchedAt) =>
        publishedAt is { } published && published <= fetchedAt ? published : fetchedAt;

    /// <summary>The index rows of <paramref name="announcement"/> (none when it is not relevant).</summary>
    public static IEnumerable<ArchiveTerm> Rows(Announcement announcement)
    {
        var sortAt = SortAt(announcement.PublishedAt, announcement.FetchedAt);
        return ArchiveTerms.For(announcement.Relevant, announcement.Title, announcement.TitleGloss, announcement.Summary,
                announcement.Topics, announcement.Countries, announcement.Language)
            .Select(term => new ArchiveTerm { Term = term, SortAt = sortAt, Announcement = announcement });
    }

    /// <summary>Replaces the index rows of the given stored announcements (after an in-place update of their title,
    /// summary, classification or dates). Runs in the caller's transaction when one is open.</summary>
    public static async Task ReindexAsync(MonitorDbContext db, IReadOnlyCollection<long> announcementIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in announcementIds.Distinct().Chunk(500))
        {
            var rows = await db.Announcements.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Relevant, a.Title, a.TitleGloss, a.Summary, a.Topics, a.Countries, a.Language, a.PublishedAt, a.FetchedAt })
                .ToListAsync(cancellationToken);
            await db.ArchiveTerms.Where(t => chunk.Contains(t.AnnouncementId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var a in rows)
            {
                var sortAt = SortAt(a.PublishedAt, a.FetchedAt);
                db.ArchiveTerms.AddRange(ArchiveTerms.For(a.Relevant, a.Title, a.TitleGloss, a.Summary, a.Topics, a.Countries, a.Language)
                    .Select(term => new ArchiveTerm { AnnouncementId = a.Id, Term = term, SortAt = sortAt }));
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
