using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>An announcement of the run's pool, parsed once for all subscribers: its facets as arrays, its summary and
/// its "why it matched" line.</summary>
public sealed class DigestCandidate
{
    private DigestCandidate(Announcement announcement)
    {
        Announcement = announcement;
        Topics = Split(announcement.Topics, ' ');
        Countries = Split(announcement.Countries, ' ');
        Models = Split(announcement.Models, '|');
        Reasons = Split(announcement.Reasons, '|');
        Summary = SummaryCutter.Cut(announcement.Text.Length > 0 ? announcement.Text : announcement.Summary, announcement.Title);
        Why = MatchExplanation.From(Reasons, announcement.Title + "\n" + announcement.Text + "\n" + announcement.Summary).ToLine();
    }

    public Announcement Announcement { get; }

    public long Id => Announcement.Id;

    /// <summary>The story id, or the negated announcement id for an announcement without a story.</summary>
    public long StoryKey => Announcement.StoryId ?? -Announcement.Id;

    public double Score => Announcement.Score;

    public string[] Topics { get; }

    public string[] Countries { get; }

    public string[] Models { get; }

    public string[] Reasons { get; }

    /// <summary>One or two sentences of the extracted text.</summary>
    public string Summary { get; }

    /// <summary>Why it matched, in the reader's words.</summary>
    public string Why { get; }

    /// <summary>Parses <paramref name="announcement"/>.</summary>
    public static DigestCandidate From(Announcement announcement) => new(announcement);

    private static string[] Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
