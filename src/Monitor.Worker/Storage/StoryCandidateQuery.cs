using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Clustering;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Storage;

/// <summary>The stored announcements that may report the same story as a batch: by the SimHash band indexes and the
/// title key index, within a time window; never a scan of the window.</summary>
internal static class StoryCandidateQuery
{
    /// <summary>The query (exposed for tests that check its SQL and plan).</summary>
    public static IQueryable<CandidateRow> For(MonitorDbContext db, IReadOnlyCollection<Announcement> batch, DateTime since)
    {
        var band0 = batch.Where(a => a.Band0 is not null).Select(a => a.Band0).Distinct().ToList();
        var band1 = batch.Where(a => a.Band1 is not null).Select(a => a.Band1).Distinct().ToList();
        var band2 = batch.Where(a => a.Band2 is not null).Select(a => a.Band2).Distinct().ToList();
        var band3 = batch.Where(a => a.Band3 is not null).Select(a => a.Band3).Distinct().ToList();
        var keys = batch.SelectMany(AllKeys).Distinct().ToList();
        var nullableKeys = keys.Select(k => (long?)k).ToList();

        var ids = db.Announcements.Where(a => band0.Contains(a.Band0) && a.FetchedAt >= since).Select(a => a.Id)
            .Concat(db.Announcements.Where(a => band1.Contains(a.Band1) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => band2.Contains(a.Band2) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => band3.Contains(a.Band3) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => nullableKeys.Contains(a.TitleKey0) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => nullableKeys.Contains(a.TitleKey1) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => nullableKeys.Contains(a.TitleKey2) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.Announcements.Where(a => nullableKeys.Contains(a.TitleKey3) && a.FetchedAt >= since).Select(a => a.Id))
            .Concat(db.StoryKeys.Where(k => keys.Contains(k.Key) && k.FetchedAt >= since).Select(k => k.AnnouncementId));
        return db.Announcements.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.Id)
            .Select(a => new CandidateRow(a.Id, a.StoryId, a.Title, a.SimHash, a.Anchors, a.PublishedAt ?? a.FetchedAt));
    }

    /// <summary>What the lookup reads of each candidate.</summary>
    internal sealed record CandidateRow(long Id, long? StoryId, string Title, long SimHash, string Anchors, DateTime Published);

    /// <summary>Runs <see cref="For"/>; no query at all for a batch without keys.</summary>
    public static async Task<List<StoryCandidate>> RunAsync(MonitorDbContext db, IReadOnlyCollection<Announcement> batch, DateTime since, CancellationToken cancellationToken)
    {
        if (batch.All(a => a.Band0 is null && a.TitleKey0 is null && a.ExtraKeys.Count == 0))
        {
            return [];
        }

        var rows = await For(db, batch, since).ToListAsync(cancellationToken);
        return rows.Select(a => new StoryCandidate(a.Id, a.StoryId, a.Title, a.SimHash) { Anchors = SplitAnchors(a.Anchors), Published = a.Published }).ToList();
    }

    /// <summary>Fills <paramref name="announcement"/>'s bands and title keys from its SimHash and title.</summary>
    public static void Index(Announcement announcement)
    {
        var bands = StoryKeys.Bands(announcement.SimHash);
        announcement.Band0 = bands?[0];
        announcement.Band1 = bands?[1];
        announcement.Band2 = bands?[2];
        announcement.Band3 = bands?[3];
        var keys = StoryKeys.TitleKeys(SimHash.Tokens(announcement.Title).Distinct(StringComparer.Ordinal).ToList());
        announcement.TitleKey0 = keys.Length > 0 ? keys[0] : null;
        announcement.TitleKey1 = keys.Length > 1 ? keys[1] : null;
        announcement.TitleKey2 = keys.Length > 2 ? keys[2] : null;
        announcement.TitleKey3 = keys.Length > 3 ? keys[3] : null;
        var anchors = StoryAnchors.Of(announcement.Title, announcement.Text.Length > 0 ? announcement.Text : announcement.Summary);
        announcement.Anchors = string.Join(' ', anchors);
        while (announcement.Anchors.Length > 1000)
        {
            anchors = anchors[..^1];
            announcement.Anchors = string.Join(' ', anchors);
        }

        announcement.ExtraKeys.Clear();
        foreach (var key in keys.Skip(4).Concat(StoryKeys.AnchorKeys(anchors)).Distinct())
        {
            announcement.ExtraKeys.Add(new StoryKey { Key = key, FetchedAt = announcement.FetchedAt });
        }
    }

    /// <summary>The candidate the matcher sees for <paramref name="announcement"/> (after <see cref="Index"/>).</summary>
    public static StoryCandidate Candidate(Announcement announcement) =>
        new(announcement.Id, announcement.StoryId, announcement.Title, announcement.SimHash)
        {
            Anchors = SplitAnchors(announcement.Anchors),
            Published = announcement.PublishedAt ?? announcement.FetchedAt,
        };

    private static string[] SplitAnchors(string anchors) => anchors.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every title and anchor key of <paramref name="announcement"/> (after <see cref="Index"/>).</summary>
    public static IEnumerable<long> AllKeys(Announcement announcement) =>
        new[] { announcement.TitleKey0, announcement.TitleKey1, announcement.TitleKey2, announcement.TitleKey3 }
            .OfType<long>()
            .Concat(announcement.ExtraKeys.Select(k => k.Key));
}
