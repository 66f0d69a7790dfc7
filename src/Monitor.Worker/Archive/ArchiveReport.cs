namespace Monitor.Worker.Archive;

/// <summary>One stored report as the archive shows it (no full text: the pages show the summary).</summary>
public sealed record ArchiveReport(
    long Id,
    long? StoryId,
    string SourceId,
    string Title,
    string? TitleGloss,
    string Summary,
    string Url,
    DateTime? PublishedAt,
    DateTime FetchedAt,
    string? Language,
    string Topics,
    string Countries,
    string Models,
    bool Relevant,
    double Score,
    string Reasons)
{
    /// <summary>The date the archive sorts and shows it by.</summary>
    public DateTime SortAt => ArchiveIndex.SortAt(PublishedAt, FetchedAt);

    /// <summary>Its archive terms, as the index has them.</summary>
    public IReadOnlyList<string> Terms => ArchiveTerms.For(Relevant, Title, TitleGloss, Summary, Topics, Countries, Language);

    public IReadOnlyList<string> TopicList => Split(Topics, ' ');

    public IReadOnlyList<string> CountryList => Split(Countries, ' ');

    public IReadOnlyList<string> ModelList => Split(Models, '|');

    public IReadOnlyList<string> ReasonList => Split(Reasons, '|');

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
