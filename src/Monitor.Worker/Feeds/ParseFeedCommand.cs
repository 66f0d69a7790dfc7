using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.Worker.Documents;

namespace Monitor.Worker.Feeds;

/// <summary>
/// The <c>parse-feed --in-dir DIR --out-dir OUT</c> verb (DESIGN.md contract). For every file under DIR (recursively)
/// it writes <c>OUT/&lt;relative path&gt;.json</c> =
/// <c>{"format","title","link","published","recovered","items":[{"id","title","link","published","summary"}]}</c>.
/// <c>format</c> is the version label (<c>rss090</c>, <c>rss091n</c>, <c>rss091u</c>, <c>rss092</c>, <c>rss093</c>,
/// <c>rss094</c>, <c>rss10</c>, <c>rss20</c>, <c>rss</c> (unknown RSS version), <c>rdf</c>, <c>atom03</c>, <c>atom10</c>,
/// <c>atom</c> (unversioned), <c>json10</c>, <c>json11</c>); dates are ISO 8601 UTC (<c>2025-03-14T09:00:00Z</c>) or null.
/// A file that is not a readable feed still gets its JSON, <c>{"format":null,"error":"feed: ..."}</c>, so every input
/// has exactly one output; one bad file never stops the run. The feed-level <c>published</c> and <c>recovered</c>
/// keys are additions to the DESIGN.md shape.
/// </summary>
public static class ParseFeedCommand
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses every file under <paramref name="inDir"/> and writes <c>OUT/&lt;relative path&gt;.json</c>.</summary>
    /// <returns>The process exit code: 0 when the run completed (even with unreadable files), 2 when DIR does not exist.</returns>
    public static async Task<int> RunAsync(string inDir, string outDir, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inDir))
        {
            await output.WriteLineAsync($"parse-feed: input directory not found: {inDir}");
            return 2;
        }

        int files = 0, feeds = 0, items = 0, failures = 0, recovered = 0;
        var paths = Directory.EnumerateFiles(inDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relative = Path.GetRelativePath(inDir, path);
            var target = Path.Combine(outDir, relative + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            files++;

            await using var stream = File.Create(target);
            await using var writer = new Utf8JsonWriter(stream, WriterOptions);
            try
            {
                var bytes = await ReadAsync(path, cancellationToken);
                var feed = DocumentBudget.Run("feed", DocumentBudget.DefaultLimit, token => FeedParser.Parse(bytes, null, null, token), cancellationToken);
                WriteFeed(writer, feed);
                feeds++;
                items += feed.Items.Count;
                recovered += feed.Recovered ? 1 : 0;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The per-file boundary: FeedParseException is the expected case, anything else is a parser bug,
                // but either way one file must never stop the run (the message says which it was).
                writer.Reset();
                writer.WriteStartObject();
                writer.WriteNull("format");
                writer.WriteString("error", ex is FeedParseException ? ex.Message : $"feed: unexpected {ex.GetType().Name}: {ex.Message}");
                writer.WriteEndObject();
                failures++;
            }

            await writer.FlushAsync(cancellationToken);
        }

        await output.WriteLineAsync(
            $"parse-feed: {files} files, {feeds} feeds ({recovered} recovered), {items} items, {failures} not readable as feeds");
        return 0;
    }

    private static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FeedParseException("feed: unable to read file: " + ex.Message, ex);
        }
    }

    private static void WriteFeed(Utf8JsonWriter writer, ParsedFeed feed)
    {
        writer.WriteStartObject();
        writer.WriteString("format", feed.Version);
        writer.WriteString("title", feed.Title);
        writer.WriteString("link", feed.Link?.OriginalString);
        WriteDate(writer, "published", feed.Published);
        writer.WriteBoolean("recovered", feed.Recovered);
        writer.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            writer.WriteStartObject();
            writer.WriteString("id", item.Id);
            writer.WriteString("title", item.Title);
            writer.WriteString("link", item.Link?.OriginalString);
            WriteDate(writer, "published", item.Published);
            writer.WriteString("summary", item.Summary);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, FeedDateParser.Format(date));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
