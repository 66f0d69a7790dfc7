using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Monitor.Worker.Classification;
using Monitor.Worker.Clustering;
using Monitor.Worker.Extraction;
using Monitor.Worker.Feeds;
using Monitor.Worker.Items;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Crawling;

/// <summary>Builds an announcement from an item, its (optional) extracted page and the classifier's verdict. Pure.</summary>
public static partial class AnnouncementBuilder
{
    /// <summary>Longest summary kept (about two lines in a digest).</summary>
    public const int SummaryLength = 320;

    /// <summary>Combines the feed's data with what extraction found (extraction wins where it found something).</summary>
    public static Announcement Build(
        SourceDefinition source,
        ParsedItem item,
        Uri canonicalUrl,
        ExtractedArticle? article,
        AnnouncementClassifier classifier,
        DateTime fetchedAt)
    {
        var title = FirstNonEmpty(item.Title, article?.Title) ?? canonicalUrl.AbsoluteUri;
        // Readers give the summary as plain text (ParsedItem); it is cleaned again only when it still looks like HTML.
        var feedSummary = item.Summary is { } summary && FeedText.LooksLikeHtml(summary) ? PlainText(summary) : item.Summary ?? "";
        var itemText = item.Content is null ? feedSummary : PlainText(item.Content);
        var text = article is { Text.Length: > 0 } && article.Text.Length >= itemText.Length ? article.Text : itemText;
        var description = article?.Description is { } d && IsLeadOf(d, text) ? null : article?.Description;
        var summarySource = (IsCut(feedSummary) ? FirstNonEmpty(description, text, feedSummary) : FirstNonEmpty(feedSummary, description, text)) ?? "";
        var language = article?.Language ?? source.Language;
        var published = ChooseDate(item.Published, article?.Published);

        var verdict = classifier.Classify(new ClassificationInput(title, text.Length > 0 ? text : summarySource, canonicalUrl.AbsoluteUri, language, source.Country));
        var announcement = new Announcement
        {
            UrlHash = Hash(canonicalUrl.AbsoluteUri),
            CanonicalUrl = Truncate(canonicalUrl.AbsoluteUri, 4000),
            SourceId = source.Id,
            ItemKeyHash = Hash(ItemKey.For(item)),
            Title = Truncate(title, 1000),
            PublishedAt = published?.UtcDateTime,
            FetchedAt = fetchedAt,
            Language = Truncate(language, 16),
            Text = text,
            Summary = Summarize(summarySource),
            ContentHash = text.Length > 0 ? Hash(text) : null,
            SimHash = SimHash.Compute(text.Length > 0 ? text : title),
            Publisher = source.Publisher,
            FeedHash = FeedHash(item),
        };
        Apply(announcement, verdict);
        return announcement;
    }

    /// <summary>What the classifier reads about a built announcement (for a second opinion such as the LLM refiner).</summary>
    public static ClassificationInput InputOf(Announcement announcement, SourceDefinition source) =>
        new(announcement.Title, announcement.Text.Length > 0 ? announcement.Text : announcement.Summary, announcement.CanonicalUrl, announcement.Language, source.Country);

    /// <summary>The classification stored on <paramref name="announcement"/>.</summary>
    public static ClassificationResult VerdictOf(Announcement announcement) =>
        new(announcement.Relevant, announcement.Score, Split(announcement.Topics, ' '), Split(announcement.Countries, ' '), Split(announcement.Models, '|'), Split(announcement.Reasons, '|'))
        {
            TitleGloss = announcement.TitleGloss,
        };

    /// <summary>Stores <paramref name="verdict"/> on <paramref name="announcement"/>.</summary>
    public static void Apply(Announcement announcement, ClassificationResult verdict)
    {
        announcement.Topics = string.Join(' ', verdict.Topics);
        announcement.Countries = string.Join(' ', verdict.Countries);
        announcement.Models = string.Join('|', verdict.Models);
        announcement.Relevant = verdict.Relevant;
        announcement.Score = Math.Round(verdict.Score, 4);
        announcement.Reasons = Truncate(string.Join('|', verdict.Reasons), 4000);
        announcement.TitleGloss = verdict.TitleGloss is { } gloss ? Truncate(gloss, 1000) : null;
    }

    private static List<string> Split(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>
    /// The item's date, unless the page states the same day more precisely: listings often give only a date, which the
    /// source's midnight turns into the previous day in UTC, while the page's metadata has the time.
    /// </summary>
    public static DateTimeOffset? ChooseDate(DateTimeOffset? itemDate, DateTimeOffset? pageDate)
    {
        if (itemDate is null || pageDate is null)
        {
            return itemDate ?? pageDate;
        }

        var dateOnly = itemDate.Value.TimeOfDay == TimeSpan.Zero;
        return dateOnly && (pageDate.Value - itemDate.Value).Duration() <= TimeSpan.FromDays(1) ? pageDate : itemDate;
    }

    /// <summary>A hash of everything the source said about <paramref name="item"/>: a change means the item was edited.</summary>
    public static long FeedHash(ParsedItem item)
    {
        var data = string.Join('\u001f', item.Title, item.Link?.AbsoluteUri, item.Published?.ToUnixTimeSeconds(), item.Summary, item.Content);
        return BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(data)), 0);
    }

    /// <summary>
    /// True when <paramref name="rebuilt"/> says something materially different from what was stored: another title, or a
    /// text no longer a near-duplicate of the stored one (further apart than the story rule's SimHash distance).
    /// </summary>
    public static bool ChangedMaterially(string storedTitle, long storedSimHash, Announcement rebuilt) =>
        !SimHash.Tokens(storedTitle).SequenceEqual(SimHash.Tokens(rebuilt.Title))
        || SimHash.Distance(storedSimHash, rebuilt.SimHash) > StoryMatcher.MaxTextDistance;

    /// <summary>SHA-256 of <paramref name="value"/> as lower-case hex.</summary>
    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>The first sentences of <paramref name="text"/> up to <see cref="SummaryLength"/> characters.</summary>
    public static string Summarize(string text)
    {
        var flat = Whitespace().Replace(text, " ").Trim();
        if (flat.Length <= SummaryLength)
        {
            return flat;
        }

        var cut = flat[..SummaryLength];
        for (var i = cut.Length - 1; i > SummaryLength / 2; i--)
        {
            // CJK full stops end a sentence anywhere; a Latin one only before a space (not in "2.5" or "e.g").
            if (cut[i] is '。' or '！' or '？' || (cut[i] is '.' or '!' or '?' && char.IsWhiteSpace(flat[i + 1])))
            {
                return cut[..(i + 1)];
            }
        }

        var space = cut.LastIndexOf(' ');
        return (space > SummaryLength / 2 ? cut[..space] : cut) + "…";
    }

    /// <summary>Strips tags (and script/style content) and decodes entities from feed HTML, keeping block boundaries.</summary>
    public static string PlainText(string html) => FeedText.Plain(html) ?? "";

    // A meta description that is only the text's first characters (often cut mid-word) says less than the text itself.
    private static bool IsLeadOf(string description, string text) =>
        text.Length > description.Length && text.StartsWith(description.TrimEnd('…', '.', ' '), StringComparison.Ordinal);

    private static bool IsCut(string summary) => summary.EndsWith('…') || summary.EndsWith("...", StringComparison.Ordinal) || summary.EndsWith("[…]", StringComparison.Ordinal);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
