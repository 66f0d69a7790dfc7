using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>Applies revisions of stored announcements inside the batch's transaction.</summary>
internal static class AnnouncementRevisions
{
    public static async Task ApplyAsync(MonitorDbContext db, IReadOnlyList<AnnouncementRevision> revisions, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var revision in revisions)
        {
            var r = revision.Rebuilt;
            if (!revision.Material)
            {
                await db.Announcements.Where(a => a.Id == revision.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.FeedHash, r.FeedHash), cancellationToken);
                continue;
            }

            var fetchedAt = await db.Announcements.Where(a => a.Id == revision.Id).Select(a => a.FetchedAt).FirstOrDefaultAsync(cancellationToken);
            r.FetchedAt = fetchedAt;
            StoryCandidateQuery.Index(r);
            await db.Announcements.Where(a => a.Id == revision.Id).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Title, r.Title)
                .SetProperty(a => a.Text, r.Text)
                .SetProperty(a => a.Summary, r.Summary)
                .SetProperty(a => a.ContentHash, r.ContentHash)
                .SetProperty(a => a.SimHash, r.SimHash)
                .SetProperty(a => a.Band0, r.Band0)
                .SetProperty(a => a.Band1, r.Band1)
                .SetProperty(a => a.Band2, r.Band2)
                .SetProperty(a => a.Band3, r.Band3)
                .SetProperty(a => a.TitleKey0, r.TitleKey0)
                .SetProperty(a => a.TitleKey1, r.TitleKey1)
                .SetProperty(a => a.TitleKey2, r.TitleKey2)
                .SetProperty(a => a.TitleKey3, r.TitleKey3)
                .SetProperty(a => a.Anchors, r.Anchors)
                .SetProperty(a => a.Language, r.Language)
                .SetProperty(a => a.Topics, r.Topics)
                .SetProperty(a => a.Countries, r.Countries)
                .SetProperty(a => a.Models, r.Models)
                .SetProperty(a => a.Relevant, r.Relevant)
                .SetProperty(a => a.Score, r.Score)
                .SetProperty(a => a.Reasons, r.Reasons)
                .SetProperty(a => a.FeedHash, r.FeedHash)
                .SetProperty(a => a.UpdatedAt, now), cancellationToken);
            await db.StoryKeys.Where(k => k.AnnouncementId == revision.Id).ExecuteDeleteAsync(cancellationToken);
            db.StoryKeys.AddRange(r.ExtraKeys.Select(k => new StoryKey { Key = k.Key, FetchedAt = fetchedAt, AnnouncementId = revision.Id }));
        }

        if (revisions.Any(r => r.Material))
        {
            await db.SaveChangesAsync(cancellationToken);

            // The updates above bypass the save interceptor that indexes new rows for the archive.
            await Archive.ArchiveIndex.ReindexAsync(db, revisions.Where(r => r.Material).Select(r => r.Id).ToList(), cancellationToken);
        }
    }
}
