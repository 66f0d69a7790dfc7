using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Archive;

/// <summary>
/// Reads the archive: listings of stories (newest first, filtered, a page at a time), a story, a report. Every listing
/// walks one term of <see cref="ArchiveTerm"/>'s (Term, SortAt) index from the cursor and checks the other terms by
/// key, so a page reads about the rows it shows, whatever is stored.
/// </summary>
/// <remarks>
/// A story is shown once, where its newest matching report falls: each candidate row is kept only when no other report
/// of its story matches the filter and is newer (checked in memory with the same <see cref="ArchiveTerms"/>), so the
/// story never shows again on a later page.
/// </remarks>
public sealed class ArchiveQuery(MonitorDbContextFactory contexts, SourceCatalog catalog)
{
    /// <summary>Index entries read, at most, to estimate how common a term is (the rarest term drives the walk).</summary>
    internal const int ProbeLimit = 1000;

    // Rounds of reading more rows when stories on a page were already placed by newer reports.
    private const int MaxRounds = 8;

    /// <summary>The page of <paramref name="filter"/>'s listing that starts after <paramref name="after"/>.</summary>
    public async Task<ArchivePage> ListAsync(ArchiveFilter filter, ArchiveCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var terms = filter.Terms;
        var driver = await RarestAsync(db, terms, filter, cancellationToken);
        var others = terms.Where(t => t != driver).ToList();
        var stories = new List<ArchiveStory>(pageSize);
        var placed = new HashSet<long>();
        var position = after;
        var exhausted = false;
        for (var round = 0; round < MaxRounds && stories.Count < pageSize; round++)
        {
            var take = ((pageSize - stories.Count) * 2) + 4;
            var rows = await Rows(db, driver, others, filter, position).Take(take).ToListAsync(cancellationToken);
            var reports = (await LoadAsync(db, rows.Select(r => r.AnnouncementId).ToList(), cancellationToken)).ToDictionary(r => r.Id);
            var siblings = (await LoadStoriesAsync(db, reports.Values.Where(r => r.StoryId is not null).Select(r => r.StoryId!.Value).Distinct().ToList(), cancellationToken))
                .ToLookup(r => r.StoryId!.Value);
            var consumed = 0;
            foreach (var row in rows)
            {
                consumed++;
                position = new ArchiveCursor(row.SortAt, row.AnnouncementId);
                if (reports.TryGetValue(row.AnnouncementId, out var report) && TryPlace(report, siblings, filter, placed) is { } story)
                {
                    stories.Add(story);
                    if (stories.Count == pageSize)
                    {
                        break;
                    }
                }
            }

            // Fewer rows than asked for, all of them read: nothing is left after this page.
            exhausted = rows.Count < take && consumed == rows.Count;
            if (exhausted)
            {
                break;
            }
        }

        return new ArchivePage(stories, exhausted ? null : position);
    }

    /// <summary>A story with all its reports, or null.</summary>
    public async Task<ArchiveStory?> StoryAsync(long storyId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var reports = await LoadStoriesAsync(db, [storyId], cancellationToken);
        return reports.Count == 0 ? null : ArchiveStory.From(storyId, reports[0], reports, IsOfficial);
    }

    /// <summary>A report that belongs to no story, as a story of one; null when it does not exist.</summary>
    public async Task<ArchiveStory?> ReportAsync(long announcementId, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var report = (await LoadAsync(db, [announcementId], cancellationToken)).SingleOrDefault();
        return report is null ? null : ArchiveStory.From(report.StoryId, report, [report], IsOfficial);
    }

    /// <summary>The models named in the newest <paramref name="reports"/> relevant reports about <paramref name="country"/>, most mentioned first.</summary>
    public async Task<IReadOnlyList<(string Model, int Mentions, DateTime Last)>> NamedModelsAsync(string country, int reports, CancellationToken cancellationToken)
    {
        await using var db = contexts.CreateDbContext();
        var term = ArchiveTerms.Country(country);
        var rows = await db.ArchiveTerms.AsNoTracking().Where(t => t.Term == term)
            .OrderByDescending(t => t.SortAt).ThenByDescending(t => t.AnnouncementId).Take(reports)
            .Join(db.Announcements, t => t.AnnouncementId, a => a.Id, (t, a) => new { a.Models, t.SortAt })
            .Where(r => r.Models != "")
            .ToListAsync(cancellationToken);
        return rows.SelectMany(r => r.Models.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(m => (Model: m, r.SortAt)))
            .GroupBy(m => m.Model, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Max(m => m.SortAt)))
            .OrderByDescending(m => m.Item2).ThenByDescending(m => m.Item3)
            .ToList();
    }

    // The story of a candidate row, unless a newer report of the same story matches the filter (it is placed there).
    private ArchiveStory? TryPlace(ArchiveReport report, ILookup<long, ArchiveReport> siblings, ArchiveFilter filter, HashSet<long> placed)
    {
        var group = report.StoryId is { } storyId ? siblings[storyId].ToList() : [report];
        var newest = group.Where(r => filter.Matches(r.Terms, r.SortAt)).OrderByDescending(r => r.SortAt).ThenByDescending(r => r.Id).FirstOrDefault();
        return (newest is null || newest.Id == report.Id) && placed.Add(report.StoryId ?? -report.Id)
            ? ArchiveStory.From(report.StoryId, report, group, IsOfficial)
            : null;
    }

    private bool IsOfficial(string sourceId) => catalog.Find(sourceId)?.Publisher == SourcePublisher.Official;

    // The term with the fewest entries in the range (counting at most ProbeLimit of each) drives the walk.
    private static async Task<string> RarestAsync(MonitorDbContext db, IReadOnlyList<string> terms, ArchiveFilter filter, CancellationToken cancellationToken)
    {
        if (terms.Count == 1)
        {
            return terms[0];
        }

        var best = terms[0];
        var fewest = int.MaxValue;
        foreach (var term in terms)
        {
            var count = await InRange(db.ArchiveTerms.AsNoTracking().Where(t => t.Term == term), filter).Take(ProbeLimit).CountAsync(cancellationToken);
            if (count < fewest)
            {
                (best, fewest) = (term, count);
            }
        }

        return best;
    }

    private static IQueryable<ArchiveTerm> InRange(IQueryable<ArchiveTerm> query, ArchiveFilter filter)
    {
        if (filter.FromUtc is { } from)
        {
            query = query.Where(t => t.SortAt >= from);
        }

        if (filter.ToUtcExclusive is { } to)
        {
            query = query.Where(t => t.SortAt < to);
        }

        return query;
    }

    /// <summary>The index walk: entries of <paramref name="driver"/> after <paramref name="after"/>, newest first,
    /// that are also listed under every one of <paramref name="others"/>.</summary>
    internal static IQueryable<ArchiveTerm> Rows(MonitorDbContext db, string driver, IReadOnlyList<string> others, ArchiveFilter filter, ArchiveCursor? after)
    {
        var query = InRange(db.ArchiveTerms.AsNoTracking().Where(t => t.Term == driver), filter);
        if (after is { } cursor)
        {
            var at = cursor.SortAt;
            var id = cursor.AnnouncementId;

            // The first condition bounds the index range; the second only breaks ties within one instant.
            query = query.Where(t => t.SortAt <= at && (t.SortAt < at || t.AnnouncementId < id));
        }

        foreach (var other in others)
        {
            query = query.Where(t => db.ArchiveTerms.Any(o => o.AnnouncementId == t.AnnouncementId && o.Term == other));
        }

        return query.OrderByDescending(t => t.SortAt).ThenByDescending(t => t.AnnouncementId);
    }

    private static Task<List<ArchiveReport>> LoadAsync(MonitorDbContext db, List<long> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.FromResult(new List<ArchiveReport>()) : Project(db.Announcements.AsNoTracking().Where(a => ids.Contains(a.Id))).ToListAsync(cancellationToken);

    private static Task<List<ArchiveReport>> LoadStoriesAsync(MonitorDbContext db, List<long> storyIds, CancellationToken cancellationToken) =>
        storyIds.Count == 0
            ? Task.FromResult(new List<ArchiveReport>())
            : Project(db.Announcements.AsNoTracking().Where(a => a.StoryId != null && storyIds.Contains(a.StoryId.Value))).ToListAsync(cancellationToken);

    private static IQueryable<ArchiveReport> Project(IQueryable<Announcement> query) =>
        query.Select(a => new ArchiveReport(a.Id, a.StoryId, a.SourceId, a.Title, a.TitleGloss, a.Summary, a.CanonicalUrl, a.PublishedAt, a.FetchedAt,
            a.Language, a.Topics, a.Countries, a.Models, a.Relevant, a.Score, a.Reasons));
}
