using System.Text.Json;
using Monitor.Worker.Feeds;

namespace Monitor.Tests.Feeds;

public sealed class ParseFeedCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitor-parse-feed-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WritesOneJsonPerFileIncludingErrors()
    {
        var input = Path.Combine(_root, "in");
        Directory.CreateDirectory(Path.Combine(input, "sub"));
        File.Copy(FeedFixtures.PathOf("feeds", "rss20.xml"), Path.Combine(input, "sub", "rss20.xml"));
        File.Copy(FeedFixtures.PathOf("feeds", "not-a-feed.html"), Path.Combine(input, "page.html"));
        var output = Path.Combine(_root, "out");
        using var console = new StringWriter();

        var code = await ParseFeedCommand.RunAsync(input, output, console, CancellationToken.None);

        Assert.Equal(0, code);
        using var feed = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "sub", "rss20.xml.json")));
        Assert.Equal("rss20", feed.RootElement.GetProperty("format").GetString());
        var first = feed.RootElement.GetProperty("items")[0];
        Assert.Equal("2025-03-14T08:30:00Z", first.GetProperty("published").GetString());
        Assert.Equal("press-2025-031", first.GetProperty("id").GetString());
        Assert.Equal("The government adopted its national AI strategy today.", first.GetProperty("summary").GetString());

        using var error = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "page.html.json")));
        Assert.Equal(JsonValueKind.Null, error.RootElement.GetProperty("format").ValueKind);
        Assert.StartsWith("feed: ", error.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("2 files, 1 feeds", console.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingInputDirectoryIsReported()
    {
        using var console = new StringWriter();

        var code = await ParseFeedCommand.RunAsync(Path.Combine(_root, "nope"), Path.Combine(_root, "out"), console, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("not found", console.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
