namespace Monitor.Worker.Archive;

/// <summary>
/// A story as a listing shows it: its lead report (the first official one, else the first), the report that placed it
/// in this listing (the newest one matching the filter) and every report, oldest first.
/// </summary>
public sealed record ArchiveStory(long? StoryId, ArchiveReport Lead, ArchiveReport Placed, IReadOnlyList<ArchiveReport> Reports)
{
    /// <summary>The newest fetch among its reports: what Last-Modified and the feeds' <c>updated</c> say.</summary>
    public DateTime UpdatedAt => Reports.Max(r => r.FetchedAt);

    /// <summary>The first date any report carries.</summary>
    public DateTime FirstReportedAt => Reports.Min(r => r.SortAt);

    /// <summary>Topics of all its reports, without repeats, in the order first seen.</summary>
    public IReadOnlyList<string> Topics => Reports.Where(r => r.Relevant).SelectMany(r => r.TopicList).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Countries of all its reports, without repeats.</summary>
    public IReadOnlyList<string> Countries => Reports.Where(r => r.Relevant).SelectMany(r => r.CountryList).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Named models of all its reports, without repeats.</summary>
    public IReadOnlyList<string> Models => Reports.SelectMany(r => r.ModelList).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The path of its page.</summary>
    public string Path => StoryId is { } id ? $"/stories/{id}" : $"/reports/{Lead.Id}";

    /// <summary>Builds the story from all its reports; <paramref name="isOfficial"/> tells official sources.</summary>
    public static ArchiveStory From(long? storyId, ArchiveReport placed, IEnumerable<ArchiveReport> reports, Func<string, bool> isOfficial)
    {
        var ordered = reports.OrderBy(r => r.SortAt).ThenBy(r => r.Id).ToList();
        var lead = ordered.FirstOrDefault(r => r.Relevant && isOfficial(r.SourceId)) ?? ordered.FirstOrDefault(r => r.Relevant) ?? placed;
        return new ArchiveStory(storyId, lead, placed, ordered);
    }
}
