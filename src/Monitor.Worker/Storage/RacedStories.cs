using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>
/// The post-commit check: whichever of two racing writers commits second sees the other's rows here (they were not in
/// the rows its lookup saw, or their story changed since); when one reports the same story as a stored announcement,
/// both stories become the older one. Idempotent, so both writers may do it. Rows the lookup already saw unchanged are
/// left alone: it chose among them, and merging through them would chain unrelated stories. Candidates come from the
/// same indexes as the lookup, over the last hour only.
/// </summary>
internal static class RacedStories
{
    public static async Task MergeAsync(MonitorDbContext db, List<Announcement> batch, List<StoryCandidate> seen, DateTime since, CancellationToken cancellationToken)
    {
        var seenStories = seen.ToDictionary(c => c.AnnouncementId, c => c.StoryId);
        var mine = batch.Select(a => a.Id).ToHashSet();
        var arrived = (await StoryCandidateQuery.RunAsync(db, batch, since, cancellationToken))
            .Where(c => !mine.Contains(c.AnnouncementId) && (!seenStories.TryGetValue(c.AnnouncementId, out var was) || was != c.StoryId))
            .ToList();
        if (arrived.Count == 0)
        {
            return;
        }

        foreach (var announcement in batch)
        {
            var candidate = StoryCandidateQuery.Candidate(announcement);
            var others = arrived.Where(c => c.StoryId != announcement.StoryId).ToList();
            var stories = new HashSet<long> { announcement.StoryId!.Value };
            while (StoryMatcher.FindMatch(candidate, others) is { } other)
            {
                if (other.StoryId is { } id)
                {
                    stories.Add(id);
                }

                others.Remove(other);
            }

            if (stories.Count == 1)
            {
                continue;
            }

            var target = stories.Min();
            await db.Announcements.Where(a => a.StoryId != null && stories.Contains(a.StoryId.Value) && a.StoryId != target)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, target), cancellationToken);
            foreach (var mate in batch.Where(a => a.StoryId is { } s && stories.Contains(s)))
            {
                mate.StoryId = target;
            }
        }
    }
}
