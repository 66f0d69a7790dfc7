using System.IO.Compression;
using System.Text.Json;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitor-extract-" + Guid.NewGuid().ToString("N"));

    public ExtractCommandTests() => Directory.CreateDirectory(Path.Combine(_root, "in"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task WritesOneJsonPerPageAndSurvivesABrokenFile()
    {
        var input = Path.Combine(_root, "in");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "extraction", "news-with-comments.html"), Path.Combine(input, "plain.html"));
        await using (var gz = new GZipStream(File.Create(Path.Combine(input, "packed.html.gz")), CompressionLevel.Fastest))
        {
            await gz.WriteAsync(Fixture.Bytes("ar-rtl.html"));
        }

        await File.WriteAllBytesAsync(Path.Combine(input, "broken.html.gz"), [1, 2, 3, 4]);
        await File.WriteAllTextAsync(Path.Combine(input, "notes.txt"), "not a page");
        var output = new StringWriter();

        var code = await ExtractCommand.RunAsync(input, Path.Combine(_root, "out"), output, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("broken.html.gz", output.ToString(), StringComparison.Ordinal);
        var names = Directory.GetFiles(Path.Combine(_root, "out")).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.Equal(new[] { "packed.json", "plain.json" }, names);

        using var plain = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "out", "plain.json")));
        var root = plain.RootElement;
        Assert.Equal("Parliament approves national AI compute plan", root.GetProperty("title").GetString());
        Assert.StartsWith("2025-03-14", root.GetProperty("date").GetString(), StringComparison.Ordinal);
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("Maria Jensen", root.GetProperty("author").GetString());
        Assert.Equal("https://ledger.example.com/tech/2025/03/14/ai-compute-plan", root.GetProperty("canonicalUrl").GetString());
        Assert.Equal(root.GetProperty("canonicalUrl").GetString(), root.GetProperty("url").GetString());
        Assert.Contains("\n\n", root.GetProperty("articleBody").GetString(), StringComparison.Ordinal);

        using var packed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "out", "packed.json")));
        Assert.Equal("ar", packed.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public async Task MissingInputFolderIsAUsageError()
    {
        var code = await ExtractCommand.RunAsync(Path.Combine(_root, "nope"), Path.Combine(_root, "out"), TextWriter.Null, CancellationToken.None);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task BenchmarkPrintsSpeedAndMemory()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestData", "extraction", "news-with-comments.html"), Path.Combine(_root, "in", "a.html"));
        var output = new StringWriter();

        var code = await ExtractionBenchmark.RunAsync(Path.Combine(_root, "in"), 1, output, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Contains("pages/s", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("peak working set", output.ToString(), StringComparison.Ordinal);
    }
}
