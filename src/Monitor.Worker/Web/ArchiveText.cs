using System.Globalization;
using Monitor.Worker.Archive;
using Monitor.Worker.Digest;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web;

/// <summary>The small pieces of wording the archive pages share: dates, names of topics, countries and languages, why a report matched.</summary>
public static class ArchiveText
{
    public static string Date(DateTime value) => value.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string IsoDate(DateTime value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Month(DateTime value) => value.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Topic(string id) => TopicNames.Of(id);

    public static string Country(string code) => CountryNames.Of(code);

    public static string Language(string? tag) => string.IsNullOrEmpty(tag) ? "unknown language" : LanguageChoices.Name(tag);

    public static string Score(double score) => score.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Why a report matched, as the digest says it (phrases as the text writes them; no weights or rule names).</summary>
    public static string Why(ArchiveReport report) =>
        MatchExplanation.From(report.ReasonList, report.Title + "\n" + report.Summary) is { IsEmpty: false } why ? why.ToLine() : "";

    /// <summary>"1 report" or "N reports".</summary>
    public static string Reports(int count) => count == 1 ? "1 report" : $"{count} reports";
}
