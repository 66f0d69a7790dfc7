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
    IReadOnlyList<string> AlsoReportedBy);
