using Monitor.Worker.Sources;

namespace Monitor.Worker.Digest;

/// <summary>Which announcements go into a digest and how they become entries. Pure.</summary>
public static class DigestSelection
{
    /// <summary>
    /// The best <paramref name="maxStories"/> stories among the <paramref name="pool"/> items that pass
    /// <paramref name="filter"/> and that the subscriber has not had (neither the item nor its story), with every such
    /// item of each chosen story (so a story's other reports are recorded as delivered and never come back on their own).
    /// </summary>
    public static List<DigestCandidate> Choose(IReadOnlyList<DigestCandidate> pool, SubscriberFilter filter, DeliveredHistory history, int maxStories)
    {
        var matching = new List<DigestCandidate>();
        foreach (var candidate in pool)
        {
            if (filter.Matches(candidate) && !history.Announcements.Contains(candidate.Id)
                && (candidate.Announcement.StoryId is not { } story || !history.Stories.Contains(story)))
            {
                matching.Add(candidate);
            }
        }

        return matching
            .GroupBy(a => a.StoryKey)
            .OrderByDescending(g => g.Max(a => a.Score))
            .ThenByDescending(g => g.Max(a => a.Announcement.PublishedAt ?? a.Announcement.FetchedAt))
            .Take(maxStories)
            .SelectMany(g => g)
            .ToList();
    }

    /// <summary>One entry per story: its official report leads when it has one (else the highest-scoring); the other sources (among
    /// <paramref name="items"/> and <paramref name="storyMates"/>) are listed with it.</summary>
    public static List<DigestEntry> Entries(IReadOnlyList<DigestCandidate> items, ILookup<long, string> storyMates, Func<string, SourceDefinition?> source) =>
        items
            .GroupBy(a => a.StoryKey)
            .Select(g =>
            {
                var lead = g.OrderByDescending(a => a.Announcement.Publisher == Sources.SourcePublisher.Official).ThenByDescending(a => a.Score).ThenBy(a => a.Id).First();
                var leadSource = source(lead.Announcement.SourceId);
                var leadName = leadSource?.DisplayName ?? lead.Announcement.SourceId;
                var others = g.Where(a => a.Id != lead.Id).Select(a => a.Announcement.SourceId)
                    .Concat(lead.Announcement.StoryId is { } story ? storyMates[story] : [])
                    .Select(id => source(id)?.DisplayName ?? id)
                    .Where(n => n != leadName)
                    .Distinct()
                    .ToList();
                var a = lead.Announcement;
                return new DigestEntry(a.Id, a.Title, leadName, a.PublishedAt, lead.Summary, a.CanonicalUrl, lead.Topics, lead.Countries,
                    lead.Models, lead.Reasons, a.Score, others)
                {
                    SourceCountry = leadSource?.Country,
                    Language = a.Language,
                    TitleGloss = a.TitleGloss,
                    Why = lead.Why,
                };
            })
            .OrderByDescending(e => e.Score)
            .ToList();
}
