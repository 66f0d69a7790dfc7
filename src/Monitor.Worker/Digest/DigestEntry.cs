namespace Monitor.Worker.Digest;

/// <summary>One story in a digest: its lead announcement and the other sources that carried it.</summary>
public sealed record DigestEntry(
    long AnnouncementId,
    string Title,
    string SourceName,
    DateTime? Published,
    string Summary,
    string Url,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Reasons,
    double Score,
    IReadOnlyList<string> AlsoReportedBy)
{
    /// <summary>The source's country code (from <c>sources.yaml</c>).</summary>
    public string? SourceCountry { get; init; }

    /// <summary>The language of the item (BCP 47), when known.</summary>
    public string? Language { get; init; }

    /// <summary>An English rendering of a foreign title, only when the optional LLM gave one.</summary>
    public string? TitleGloss { get; init; }

    /// <summary>Why it matched, in the reader's words (built from <see cref="Reasons"/> when not given).</summary>
    public string? Why { get; init; }
}
