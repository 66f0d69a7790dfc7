using System.Globalization;
using MimeKit;

namespace Monitor.Worker.Digest;

/// <summary>
/// Composes a digest as multipart HTML + plain text from the Liquid templates, grouped by topic, with the list headers
/// (RFC 2369 List-Unsubscribe with an https and a mailto address, RFC 8058 one-click, List-Id). Pure: data in, message
/// out. Text from sources reaches headers only through <see cref="HeaderText"/>, and the HTML template encodes every
/// value; only http(s) links are rendered.
/// </summary>
public sealed class DigestComposer(MailTemplates templates)
{
    /// <summary>Groups entries by their first topic, in the fixed topic order, most relevant first.</summary>
    public static IReadOnlyList<(string Topic, IReadOnlyList<DigestEntry> Entries)> Group(IReadOnlyList<DigestEntry> entries) =>
        entries
            .GroupBy(e => e.Topics.FirstOrDefault() ?? TopicNames.OtherGroup)
            .OrderBy(g => TopicNames.Order(g.Key))
            .Select(g => (g.Key, (IReadOnlyList<DigestEntry>)g.OrderByDescending(e => e.Score).ThenByDescending(e => e.Published).ToList()))
            .ToList();

    /// <summary>Builds the message.</summary>
    public MimeMessage Compose(DigestContent content)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(HeaderText(content.FromName, 100), content.FromEmail));
        message.To.Add(new MailboxAddress(HeaderText(content.ToName ?? "", 100), content.ToEmail));
        message.Subject = Subject(content);
        message.MessageId = content.MessageId;
        if (content.ListId is { } listId)
        {
            message.Headers.Add("List-Id", HeaderText(listId, 200));
        }

        if (content.Links is { } links)
        {
            message.Headers.Add("List-Unsubscribe", $"<{links.OneClick}>, <{links.Mailto}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Headers.Add("Auto-Submitted", "auto-generated");
        var (html, text) = templates.Render("digest", DigestModel.Build(content, Group(content.Entries)));
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    /// <summary>The subject: name, period, count and the top story's title.</summary>
    public static string Subject(DigestContent content)
    {
        var count = content.Entries.Count;
        var kind = content.Frequency == DigestFrequency.Instant ? "alert" : "digest";
        if (count == 0)
        {
            return HeaderText($"{content.FromName} {kind}, {content.PeriodLabel}: nothing new", 200);
        }

        var top = content.Entries.OrderByDescending(e => e.Score).First().Title;
        var stories = count == 1 ? "1 new story" : string.Create(CultureInfo.InvariantCulture, $"{count} new stories");
        return HeaderText($"{content.FromName} {kind}, {content.PeriodLabel}: {stories} — {HeaderText(top, 90)}", 250);
    }

    /// <summary>A header-safe string: control characters (CR, LF, tabs...) become spaces, runs of space collapse, and it
    /// is cut at <paramref name="max"/> characters. MimeKit then encodes non-ASCII text (RFC 2047).</summary>
    public static string HeaderText(string value, int max)
    {
        var chars = value.Select(c => char.IsControl(c) || c is '\u2028' or '\u2029' ? ' ' : c).ToArray();
        var flat = string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= max ? flat : flat[..(max - 1)].TrimEnd() + "…";
    }
}
