using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>Which announcements go into a digest and how they become entries. Pure.</summary>
public static class DigestSelection
{
    /// <summary>True when <paramref name="announcement"/> passes the subscriber's topic, country and language filters.</summary>
    public static bool Matches(Announcement announcement, SubscriberOptions subscriber)
    {
        var topics = Split(announcement.Topics, ' ');
        var countries = Split(announcement.Countries, ' ');
        return (subscriber.Topics.Count == 0 || subscriber.Topics.Any(topics.Contains))
            && (subscriber.Countries.Count == 0 || subscriber.Countries.Any(countries.Contains))
            && (subscriber.Languages.Count == 0 || subscriber.Languages.Any(l =>
                announcement.Language is { } lang && (lang.Equals(l, StringComparison.OrdinalIgnoreCase) || lang.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase))));
    }

    /// <summary>
    /// The best <paramref name="maxStories"/> stories among <paramref name="candidates"/>, with every candidate of each chosen
    /// story (so a story's other reports are recorded as delivered and never come back on their own).
    /// </summary>
    public static List<Announcement> Choose(IReadOnlyList<Announcement> candidates, int maxStories) =>
        candidates
            .GroupBy(a => a.StoryId ?? -a.Id)
            .OrderByDescending(g => g.Max(a => a.Score))
            .ThenByDescending(g => g.Max(a => a.PublishedAt ?? a.FetchedAt))
            .Take(maxStories)
            .SelectMany(g => g)
            .ToList();

    /// <summary>One entry per story: its official report leads when it has one (else the highest-scoring), the other
    /// sources are listed with it.</summary>
    public static List<DigestEntry> Entries(IReadOnlyList<Announcement> items, IReadOnlyList<Announcement> storyMates, Func<string, string> sourceName) =>
        items
            .GroupBy(a => a.StoryId ?? -a.Id)
            .Select(g =>
            {
                var lead = g.OrderByDescending(a => a.Publisher == Sources.SourcePublisher.Official).ThenByDescending(a => a.Score).ThenBy(a => a.Id).First();
                var others = g.Where(a => a.Id != lead.Id)
                    .Concat(storyMates.Where(m => m.StoryId is not null && m.StoryId == lead.StoryId))
                    .Select(a => sourceName(a.SourceId))
                    .Where(n => n != sourceName(lead.SourceId))
                    .Distinct()
                    .ToList();
                return new DigestEntry(
                    lead.Id,
                    lead.Title,
                    sourceName(lead.SourceId),
                    lead.PublishedAt,
                    lead.Summary,
                    lead.CanonicalUrl,
                    Split(lead.Topics, ' '),
                    Split(lead.Countries, ' '),
                    Split(lead.Models, '|'),
                    Split(lead.Reasons, '|'),
                    lead.Score,
                    others);
            })
            .OrderByDescending(e => e.Score)
            .ToList();

    private static List<string> Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
