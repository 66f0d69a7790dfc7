using System.Globalization;
using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using Monitor.Worker.Documents;

namespace Monitor.Worker.Extraction;

/// <summary>The <c>extract --in-dir DIR --out-dir OUT</c> verb (DESIGN.md contract).</summary>
public static class ExtractCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Extracts every <c>NAME.html[.gz]</c> in <paramref name="inDir"/> to <c>OUT/NAME.json</c>.</summary>
    /// <returns>0 when every page was written, 1 when some failed (the others are still written), 2 when the
    /// input folder does not exist.</returns>
    public static async Task<int> RunAsync(string inDir, string outDir, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inDir))
        {
            await output.WriteLineAsync($"extract: input folder not found: {inDir}");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var now = DateTimeOffset.UtcNow;
        int done = 0, failed = 0;
        foreach (var (path, name) in PageFiles(inDir))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var bytes = await ReadPageAsync(path, cancellationToken);
                var article = DocumentBudget.Run("extraction", DocumentBudget.DefaultLimit, token => ArticleExtractor.Extract(bytes, null, null, now, token), cancellationToken);
                await File.WriteAllBytesAsync(Path.Combine(outDir, name + ".json"), ToJson(article), cancellationToken);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken page must not stop the batch: report it and go on.
                failed++;
                await output.WriteLineAsync(ex is DocumentBudgetException
                    ? $"extract: {Path.GetFileName(path)}: {ex.Message}"
                    : $"extract: {Path.GetFileName(path)}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        await output.WriteLineAsync($"extract: {done} pages written to {outDir}, {failed} failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The <c>NAME.html</c> / <c>NAME.html.gz</c> files of a folder with their NAME, sorted by name.</summary>
    internal static List<(string Path, string Name)> PageFiles(string inDir)
    {
        var files = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(inDir))
        {
            var file = Path.GetFileName(path);
            if (file.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            {
                files.Add((path, file[..^".html.gz".Length]));
            }
            else if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                files.Add((path, file[..^".html".Length]));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Item2, b.Item2));
        return files;
    }

    /// <summary>Reads a page, gunzipping <c>.gz</c> files.</summary>
    internal static async Task<byte[]> ReadPageAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(bytes) : bytes;
    }

    /// <summary>Decompresses gzip bytes.</summary>
    internal static byte[] Gunzip(byte[] compressed)
    {
        using var input = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var result = new MemoryStream(compressed.Length * 4);
        input.CopyTo(result);
        return result.ToArray();
    }

    /// <summary>The DESIGN.md JSON shape of an extracted article.</summary>
    internal static byte[] ToJson(ExtractedArticle article)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("url", article.CanonicalUrl?.AbsoluteUri);
            writer.WriteString("title", article.Title);
            writer.WriteString("date", article.Published?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
            writer.WriteString("language", article.Language);
            writer.WriteString("author", article.Author);
            writer.WriteString("canonicalUrl", article.CanonicalUrl?.AbsoluteUri);
            writer.WriteString("articleBody", article.Text);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
