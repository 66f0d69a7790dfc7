using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Monitor.Worker.Archive;

/// <summary>Writes an <see cref="ArchiveFeed"/> as JSON Feed 1.1 (jsonfeed.org/version/1.1), paging with <c>next_url</c>. Pure.</summary>
public static class JsonFeedWriter
{
    /// <summary>The version URL the document declares.</summary>
    public const string Version = "https://jsonfeed.org/version/1.1";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The UTF-8 document.</summary>
    public static byte[] Write(ArchiveFeed feed)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteString("version", Version);
            json.WriteString("title", feed.Title);
            json.WriteString("home_page_url", feed.HomePage.AbsoluteUri);
            json.WriteString("feed_url", feed.Self.AbsoluteUri);
            json.WriteString("description", feed.Description);
            if (feed.Next is { } next)
            {
                json.WriteString("next_url", next.AbsoluteUri);
            }

            json.WriteStartArray("authors");
            json.WriteStartObject();
            json.WriteString("name", "Monitor");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartArray("items");
            foreach (var entry in feed.Entries)
            {
                WriteItem(json, entry);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteItem(Utf8JsonWriter json, ArchiveFeedEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("id", entry.Url.AbsoluteUri);
        json.WriteString("url", entry.Url.AbsoluteUri);
        if (entry.ExternalUrl is { } external)
        {
            json.WriteString("external_url", external.AbsoluteUri);
        }

        json.WriteString("title", entry.Title);
        json.WriteString("summary", entry.Summary);
        json.WriteString("content_html", entry.ContentHtml);
        json.WriteString("date_published", Date(entry.Published));
        json.WriteString("date_modified", Date(entry.Updated));
        if (!string.IsNullOrEmpty(entry.Language))
        {
            json.WriteString("language", entry.Language);
        }

        json.WriteStartArray("authors");
        foreach (var source in entry.Sources)
        {
            json.WriteStartObject();
            json.WriteString("name", source);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tags");
        foreach (var (_, label) in entry.Categories)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Date(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
