using System.Globalization;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Digest;

/// <summary>The values the digest templates see (<c>digest</c>, <c>links</c>), with Liquid-style names. Pure.</summary>
public static class DigestModel
{
    /// <summary>The template model of <paramref name="content"/> with its entries grouped.</summary>
    public static Dictionary<string, object?> Build(DigestContent content, IReadOnlyList<(string Topic, IReadOnlyList<DigestEntry> Entries)> groups)
    {
        var zone = content.TimeZone ?? TimeZoneInfo.Utc;
        var entries = content.Entries;
        var topicCounts = entries.SelectMany(e => e.Topics.DefaultIfEmpty(TopicNames.OtherGroup).Distinct())
            .GroupBy(t => t).OrderBy(g => TopicNames.Order(g.Key))
            .Select(g => Map(("name", TopicNames.Of(g.Key)), ("id", g.Key), ("count", g.Count()))).ToList();
        var countryCounts = entries.SelectMany(e => e.Countries.Distinct())
            .GroupBy(c => c).OrderByDescending(g => g.Count()).ThenBy(g => CountryNames.Of(g.Key), StringComparer.Ordinal)
            .Select(g => Map(("name", CountryNames.Of(g.Key)), ("code", g.Key), ("count", g.Count()))).ToList();
        var kind = content.Frequency switch
        {
            DigestFrequency.Instant => "alert",
            DigestFrequency.Weekly => "weekly digest",
            _ => "daily digest",
        };
        var stories = entries.Count == 1 ? "1 new story" : string.Create(CultureInfo.InvariantCulture, $"{entries.Count} new stories");
        var digest = Map(
            ("title", $"{content.FromName} {kind}"),
            ("period", content.PeriodLabel),
            ("total", entries.Count),
            ("empty", entries.Count == 0),
            ("summary_line", entries.Count == 0 ? "nothing new" : $"{stories} on {Plural(topicCounts.Count, "topic")} from {Plural(countryCounts.Count, "country", "countries")}"),
            ("preheader", entries.Count == 0 ? "Nothing new in this period." : string.Join(" · ", entries.OrderByDescending(e => e.Score).Take(3).Select(e => Short(e.Title, 60)))),
            ("reason", content.Reason),
            ("topic_counts", topicCounts),
            ("country_counts", countryCounts),
            ("groups", groups.Select(g => Map(("id", g.Topic), ("name", TopicNames.Of(g.Topic)), ("items", g.Entries.Select(e => Item(e, zone)).ToList()))).ToList()));
        var links = Map(("preferences", content.Links?.Preferences ?? ""), ("unsubscribe", content.Links?.Unsubscribe ?? ""));
        return new Dictionary<string, object?>(StringComparer.Ordinal) { ["digest"] = digest, ["links"] = links };
    }

    private static Dictionary<string, object?> Item(DigestEntry e, TimeZoneInfo zone)
    {
        return Map(
            ("title", e.Title),
            ("title_gloss", e.TitleGloss ?? ""),
            ("language", e.Language is { } l && LanguageChoices.IsWellFormed(l) ? l : "und"),
            ("url", IsWebLink(e.Url) ? e.Url : ""),
            ("source", e.SourceName),
            ("source_country", e.SourceCountry is { } c ? CountryNames.Of(c) : ""),
            ("date", Date(e.Published, zone)),
            ("summary", e.Summary),
            ("models", string.Join(", ", e.Models)),
            ("also_reported_by", string.Join(", ", e.AlsoReportedBy)),
            ("why", e.Why ?? MatchExplanation.From(e.Reasons).ToLine()),
            ("score", Math.Round(e.Score, 2)));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    private static string Date(DateTime? published, TimeZoneInfo zone) =>
        published is { } d
            ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone).ToString("d MMM yyyy", CultureInfo.InvariantCulture)
            : "";

    private static string Plural(int count, string one, string? many = null) =>
        count == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{count} {many ?? one + "s"}");

    private static string Short(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
