using System.Globalization;
using Monitor.Worker.Classification;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Archive;

/// <summary>
/// What a reader asked the archive for: topic, country, language, a date range (whole UTC days) and words to search
/// for, each optional; the same in the pages' and the feeds' query strings (<c>topic</c>, <c>country</c>,
/// <c>language</c>, <c>from</c>, <c>to</c>, <c>q</c>). Pure.
/// </summary>
public sealed record ArchiveFilter(string? Topic = null, string? Country = null, string? Language = null, DateOnly? From = null, DateOnly? To = null, string? Text = null)
{
    /// <summary>Longest search text accepted.</summary>
    public const int MaxTextLength = 200;

    /// <summary>The query string names, in the order links write them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["topic", "country", "language", "from", "to", "q"];

    /// <summary>The search words (at most <see cref="ArchiveTerms.MaxQueryWords"/>).</summary>
    public IReadOnlyList<string> Words => Text is null ? [] : ArchiveTerms.Words(Text).Take(ArchiveTerms.MaxQueryWords).ToList();

    /// <summary>True when nothing narrows the listing.</summary>
    public bool IsEmpty => Topic is null && Country is null && Language is null && From is null && To is null && Words.Count == 0;

    /// <summary>Start of the range, inclusive (UTC midnight).</summary>
    public DateTime? FromUtc => From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>End of the range, exclusive (the UTC midnight after <see cref="To"/>).</summary>
    public DateTime? ToUtcExclusive => To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Every term an entry must be listed under (the words, then country, language, topic).</summary>
    public IReadOnlyList<string> Terms
    {
        get
        {
            // Ties in the rarity probe go to the first: words, then country, language, topic (usually rarest first).
            var terms = Words.Select(ArchiveTerms.Word).ToList();
            if (Country is not null)
            {
                terms.Add(ArchiveTerms.Country(Country));
            }

            if (Language is not null)
            {
                terms.Add(ArchiveTerms.Language(Language));
            }

            if (Topic is not null)
            {
                terms.Add(ArchiveTerms.Topic(Topic));
            }

            return terms.Count == 0 ? [ArchiveTerms.All] : terms.Distinct(StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>True when an entry with these terms and date belongs in the listing (the in-memory twin of the query).</summary>
    public bool Matches(IReadOnlyCollection<string> terms, DateTime sortAt) =>
        terms.Contains(ArchiveTerms.All)
        && (FromUtc is not { } from || sortAt >= from)
        && (ToUtcExclusive is not { } to || sortAt < to)
        && Terms.All(terms.Contains);

    /// <summary>Reads a query string (<paramref name="get"/> gives a key's value). Empty values mean "any"; each bad value
    /// is a problem written for the reader, and is left out of the filter.</summary>
    public static (ArchiveFilter Filter, IReadOnlyList<string> Problems) Parse(Func<string, string?> get)
    {
        var problems = new List<string>();
        var topic = Value(get("topic"));
        if (topic is not null && !Topics.IsKnown(topic.ToLowerInvariant()))
        {
            problems.Add($"There is no topic “{topic}”; choose one of {string.Join(", ", Topics.All)}.");
            topic = null;
        }

        var country = Value(get("country"))?.ToUpperInvariant();
        if (country is not null && !CountryCodes.IsKnown(country))
        {
            problems.Add($"“{country}” is not a country code (two letters such as JP, or EU or INT).");
            country = null;
        }

        var language = Value(get("language"))?.ToLowerInvariant();
        if (language is not null && !LanguageChoices.IsWellFormed(language))
        {
            problems.Add($"“{language}” is not a language code (such as en, ja or pt-BR).");
            language = null;
        }

        var from = Date(get("from"), "from", problems);
        var to = Date(get("to"), "to", problems);
        if (from is { } f && to is { } t && f > t)
        {
            problems.Add("The start date is after the end date.");
            from = to = null;
        }

        var text = Value(get("q"));
        if (text is { Length: > MaxTextLength })
        {
            problems.Add($"The search text is longer than {MaxTextLength} characters.");
            text = null;
        }

        return (new ArchiveFilter(topic?.ToLowerInvariant(), country, language?.ToLowerInvariant(), from, to, text), problems);
    }

    /// <summary>The filter as query string pairs (empty ones left out), in <see cref="Keys"/> order.</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        foreach (var (key, value) in new[]
        {
            ("topic", Topic), ("country", Country), ("language", Language),
            ("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("q", Text),
        })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return new(key, value);
            }
        }
    }

    /// <summary>The filter as a query string (with a leading <c>?</c>, or empty), plus <paramref name="extra"/> pairs, minus <paramref name="without"/>.</summary>
    public string QueryString(string? without = null, params (string Key, string Value)[] extra)
    {
        var pairs = Pairs().Where(p => p.Key != without).Select(p => (p.Key, p.Value)).Concat(extra).ToList();
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    private static string? Value(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();

    private static DateOnly? Date(string? raw, string name, List<string> problems)
    {
        var value = Value(raw);
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"The “{name}” date “{value}” is not a date written as YYYY-MM-DD.");
        return null;
    }
}
