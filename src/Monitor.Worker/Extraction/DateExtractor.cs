using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Finds the publication and modification dates, ranked: JSON-LD, OpenGraph/article meta, other meta tags,
/// microdata, <c>&lt;time&gt;</c>, visible dates in date-like elements, the URL, then text near the title.
/// Dates before 1995 or after "now" are never taken, and copyright lines are never read.
/// </summary>
internal static partial class DateExtractor
{
    private static readonly DateTimeOffset Earliest = new(1995, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] StrongKeys =
    [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time", "datePublished",
        "published_time", "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
    ];

    private static readonly string[] WeakKeys =
    [
        "publish-date", "publish_date", "publishdate", "pubdate", "publication_date", "publication-date",
        "article.published", "article_date_original", "cxenseparse:recs:publishtime",
        "citation_publication_date", "citation_date", "originalpublicationdate", "dc.date.issued", "dcterms.issued",
        "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date", "displaydate", "last-modified-date",
        "og:pubdate", "pub_date", "release_date", "created", "date.created", "creation_date",
    ];

    private static readonly string[] ModifiedKeys =
    [
        "article:modified_time", "og:updated_time", "dateModified", "article:modified", "last-modified", "dc.date.modified",
        "dcterms.modified", "modified", "revised",
    ];

    /// <summary>Finds (published, modified) in the uncleaned <paramref name="document"/>.</summary>
    public static (DateTimeOffset? Published, DateTimeOffset? Modified) Find(
        IDocument document, PageMetadata meta, Uri? url, Uri? canonical, string? language, TextCounts counts, DateTimeOffset now)
    {
        var latest = now.AddDays(1);
        var zone = PublisherTimeZone.Guess(url ?? canonical, language);
        DateTimeOffset? Valid(DateTimeOffset? d) => d is { } v && v >= Earliest && v <= latest ? v : null;
        DateTimeOffset? Machine(string? raw) => Valid(Localize(DateTextParser.ParseMachine(raw), raw, zone));

        var modified = Machine(meta.JsonLd.Modified) ?? Machine(meta.Get(ModifiedKeys));
        var published = Machine(meta.JsonLd.Published) ?? FirstMeta(meta, StrongKeys, Machine);
        if (published is null && document.Body is { } body)
        {
            var found = new DateCandidates(language is null or "en", Valid, raw => Localize(DateTextParser.ParseMachine(raw), raw, zone), counts);
            found.Walk(body, 0);
            published = found.Explicit ?? FirstMeta(meta, WeakKeys, Machine) ?? found.Visible;
        }

        published ??= Valid(FromUrl(url)) ?? Valid(FromUrl(canonical));
        published ??= Valid(NearTitle(document, language is null or "en"));
        return (published ?? modified, modified);
    }

    private static DateTimeOffset? FirstMeta(PageMetadata meta, string[] keys, Func<string?, DateTimeOffset?> parse)
    {
        foreach (var key in keys)
        {
            if (parse(meta.Get(key)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>
    /// Moves an instant stated in UTC to the publisher's time zone, so its calendar date is the one printed on the
    /// page; values with their own offset or without any are already local.
    /// </summary>
    internal static DateTimeOffset? Localize(DateTimeOffset? value, string? raw, TimeZoneInfo? zone)
    {
        if (value is not { } v || zone is null || raw is null || v.Offset != TimeSpan.Zero || !ExplicitUtc().IsMatch(raw.Trim()))
        {
            return value;
        }

        return TimeZoneInfo.ConvertTime(v, zone);
    }

    private static DateTimeOffset? FromUrl(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        var m = UrlDate().Match(url.AbsolutePath);
        return m.Success ? DateTextParser.ParseMachine($"{m.Groups[1].Value}-{m.Groups[2].Value}-{m.Groups[3].Value}") : null;
    }

    private static DateTimeOffset? NearTitle(IDocument document, bool monthFirst)
    {
        // The first heading is where an article starts; its date is printed just above or below it.
        var h1 = document.QuerySelector("h1");
        var scope = h1?.ParentElement?.ParentElement ?? document.Body;
        if (scope is null)
        {
            return null;
        }

        var text = scope.TextContent;
        if (text.Length > 4000)
        {
            text = text[..4000];
        }

        return CopyrightLine().IsMatch(text) ? DateTextParser.FindInText(CopyrightLine().Replace(text, " "), monthFirst) : DateTextParser.FindInText(text, monthFirst);
    }

    [GeneratedRegex(@"/((?:19|20)\d{2})[/_-]([01]\d)[/_-]([0-3]\d)(?:/|[_-]|\.|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"(Z|[+-]00:?00|GMT|UTC)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitUtc();

    [GeneratedRegex(@"(©|\(c\)|copyright|&copy;)[^\n]{0,80}", RegexOptions.IgnoreCase)]
    internal static partial Regex CopyrightLine();
}
