using System.Net;
using System.Text;
using Monitor.Worker.Digest;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Archive;

/// <summary>Turns a page of stories into an <see cref="ArchiveFeed"/>: what each entry says, with every source string
/// HTML-encoded in the HTML content. Pure.</summary>
public static class ArchiveFeedBuilder
{
    /// <summary>Builds the feed; <paramref name="baseUrl"/> is the site's public address, <paramref name="sourceName"/> names a source id.</summary>
    public static ArchiveFeed Build(string title, string description, Uri baseUrl, string listingPath, string feedPath, ArchiveFilter filter, ArchivePage page,
        Func<string, string> sourceName, DateTime now)
    {
        var next = page.Next is { } cursor ? new Uri(baseUrl, feedPath + filter.QueryString(extra: ("before", cursor.ToString()))) : null;
        var entries = page.Stories.Select(story => Entry(baseUrl, story, sourceName)).ToList();
        return new ArchiveFeed(title, description, new Uri(baseUrl, feedPath + filter.QueryString()), new Uri(baseUrl, listingPath + filter.QueryString()),
            next, page.LastModified ?? now, entries);
    }

    private static ArchiveFeedEntry Entry(Uri baseUrl, ArchiveStory story, Func<string, string> sourceName)
    {
        var lead = story.Lead;
        var categories = story.Topics.Select(t => (t, TopicNames.Of(t)))
            .Concat(story.Countries.Select(c => (c, Subscriptions.CountryNames.Of(c))))
            .ToList();
        var sources = story.Reports.Select(r => sourceName(r.SourceId)).Distinct(StringComparer.Ordinal).ToList();
        Uri.TryCreate(lead.Url, UriKind.Absolute, out var external);
        return new ArchiveFeedEntry(new Uri(baseUrl, story.Path), external, lead.Title, lead.Summary, ContentHtml(story, sourceName), lead.Language,
            story.FirstReportedAt, story.UpdatedAt, categories, sources);
    }

    // Every value is encoded: titles and summaries come from the sources.
    private static string ContentHtml(ArchiveStory story, Func<string, string> sourceName)
    {
        static string E(string? value) => WebUtility.HtmlEncode(value ?? "");
        var html = new StringBuilder();
        html.Append("<p>").Append(E(story.Lead.Summary)).Append("</p>");
        var why = MatchExplanation.From(story.Lead.ReasonList, story.Lead.Title + "\n" + story.Lead.Summary).ToLine();
        if (why.Length > 0)
        {
            html.Append("<p>Why it matched: ").Append(E(why)).Append("</p>");
        }

        html.Append("<ul>");
        foreach (var report in story.Reports)
        {
            html.Append("<li><a href=\"").Append(E(report.Url)).Append("\">").Append(E(report.Title)).Append("</a> — ")
                .Append(E(sourceName(report.SourceId))).Append(", ").Append(report.SortAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append("</li>");
        }

        return html.Append("</ul>").ToString();
    }
}
