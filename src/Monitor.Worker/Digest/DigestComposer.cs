using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;
using Monitor.Worker.Classification;

namespace Monitor.Worker.Digest;

/// <summary>
/// Composes a digest as multipart HTML + plain text, grouped by topic. Pure: data in, message out. Every string that
/// came from a source is HTML-encoded, and only http(s) links are rendered.
/// </summary>
public static class DigestComposer
{
    /// <summary>The group of entries with no topic.</summary>
    public const string OtherGroup = "other";

    private static readonly Dictionary<string, string> TopicNames = new(StringComparer.Ordinal)
    {
        [Topics.Model] = "National models",
        [Topics.Strategy] = "Strategy and policy",
        [Topics.Regulation] = "Regulation",
        [Topics.Investment] = "Investment",
        [Topics.Infrastructure] = "Compute infrastructure",
        [Topics.DataTalent] = "Data and talent",
        [Topics.Safety] = "Safety and evaluation",
        [Topics.Defense] = "Defence and security",
        [OtherGroup] = "Other",
    };

    /// <summary>Groups entries by their first topic, in the fixed topic order.</summary>
    public static IReadOnlyList<(string Topic, IReadOnlyList<DigestEntry> Entries)> Group(IReadOnlyList<DigestEntry> entries) =>
        entries
            .GroupBy(e => e.Topics.FirstOrDefault() ?? OtherGroup)
            .OrderBy(g => g.Key == OtherGroup ? int.MaxValue : IndexOf(g.Key))
            .Select(g => (g.Key, (IReadOnlyList<DigestEntry>)g.OrderByDescending(e => e.Score).ThenByDescending(e => e.Published).ToList()))
            .ToList();

    /// <summary>Builds the message.</summary>
    public static MimeMessage Compose(DigestContent content)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(content.FromName, content.FromEmail));
        message.To.Add(new MailboxAddress(content.ToName ?? "", content.ToEmail));
        message.Subject = $"Monitor digest: {content.Entries.Count} new item{(content.Entries.Count == 1 ? "" : "s")} ({content.PeriodLabel})";
        message.MessageId = content.MessageId;

        var groups = Group(content.Entries);
        var body = new BodyBuilder { TextBody = Text(content, groups), HtmlBody = Html(content, groups) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Display name of a topic group.</summary>
    public static string TopicName(string topic) => TopicNames.GetValueOrDefault(topic, topic);

    private static int IndexOf(string topic)
    {
        for (var i = 0; i < Topics.All.Count; i++)
        {
            if (Topics.All[i] == topic)
            {
                return i;
            }
        }

        return Topics.All.Count;
    }

    private static string Text(DigestContent content, IReadOnlyList<(string Topic, IReadOnlyList<DigestEntry> Entries)> groups)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Monitor digest — {content.PeriodLabel}\n\n");
        foreach (var (topic, entries) in groups)
        {
            var name = TopicName(topic);
            text.Append(CultureInfo.InvariantCulture, $"== {name} ==\n\n");
            foreach (var e in entries)
            {
                text.Append(CultureInfo.InvariantCulture, $"* {e.Title}\n");
                text.Append(CultureInfo.InvariantCulture, $"  {e.SourceName}{Date(e.Published, content.TimeZone)} | {Facets(e)}\n");
                if (e.Summary.Length > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  {e.Summary}\n");
                }

                text.Append(CultureInfo.InvariantCulture, $"  {e.Url}\n");
                if (e.AlsoReportedBy.Count > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  Also reported by: {string.Join(", ", e.AlsoReportedBy)}\n");
                }

                if (e.Reasons.Count > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"  Why: {string.Join("; ", e.Reasons.Take(5))}\n");
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Html(DigestContent content, IReadOnlyList<(string Topic, IReadOnlyList<DigestEntry> Entries)> groups)
    {
        static string H(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Monitor digest</title></head>");
        html.Append("<body style=\"font-family:Arial,Helvetica,sans-serif;max-width:720px;margin:auto;color:#222\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size:20px\">Monitor digest — {H(content.PeriodLabel)}</h1>");
        foreach (var (topic, entries) in groups)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:17px;border-bottom:1px solid #ccc\" data-topic=\"{H(topic)}\">{H(TopicName(topic))}</h2>");
            foreach (var e in entries)
            {
                html.Append("<div class=\"item\" style=\"margin:0 0 16px 0\">");
                var title = H(e.Title);
                html.Append(IsWebLink(e.Url)
                    ? $"<div style=\"font-weight:bold\"><a href=\"{H(e.Url)}\">{title}</a></div>"
                    : $"<div style=\"font-weight:bold\">{title}</div>");
                html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#666;font-size:13px\">{H(e.SourceName)}{H(Date(e.Published, content.TimeZone))} · {H(Facets(e))}</div>");
                if (e.Summary.Length > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<p style=\"margin:4px 0\">{H(e.Summary)}</p>");
                }

                if (e.AlsoReportedBy.Count > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<div style=\"font-size:13px\">Also reported by: {H(string.Join(", ", e.AlsoReportedBy))}</div>");
                }

                if (e.Reasons.Count > 0)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<div style=\"font-size:12px;color:#777\">Why: {H(string.Join("; ", e.Reasons.Take(5)))}</div>");
                }

                html.Append("</div>");
            }
        }

        html.Append("<p style=\"font-size:12px;color:#888\">You receive this because you subscribed to Monitor digests.</p></body></html>");
        return html.ToString();
    }

    private static string Facets(DigestEntry e)
    {
        var parts = new List<string>();
        if (e.Topics.Count > 0)
        {
            parts.Add("topics: " + string.Join(", ", e.Topics));
        }

        if (e.Countries.Count > 0)
        {
            parts.Add("countries: " + string.Join(", ", e.Countries));
        }

        if (e.Models.Count > 0)
        {
            parts.Add("models: " + string.Join(", ", e.Models));
        }

        return string.Join(" | ", parts);
    }

    private static string Date(DateTime? published, TimeZoneInfo? zone) =>
        published is { } d
            ? ", " + TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone ?? TimeZoneInfo.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "";

    private static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
