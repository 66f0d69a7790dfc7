using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests;

/// <summary>
/// A crawl of failing sources logs for operators: one warning per failed source with its reason, no retry noise, no
/// stack traces, ISO 8601 UTC timestamps, JSON when configured; the volume stays small (it was 521 KB for 29 sources).
/// </summary>
public sealed class LogVolumeTests : IAsyncLifetime
{
    private const int Sources = 30;
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/broken.xml", "text/html", "oops", status: 500);
        var closed = ClosedPort();
        _env.WriteSources("sources:\n" + string.Concat(Enumerable.Range(0, Sources).Select(i => $"""
              - id: s{i}
                url: {(i % 2 == 0 ? $"http://127.0.0.1:{closed}/feed{i}.xml" : _web.Url($"/broken.xml?{i}").ToString())}
                kind: feed
                country: FR
                language: fr

            """)));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task ACrawlOfFailingSourcesLogsOneWarningPerSource()
    {
        using var worker = WorkerProcess.Start(_env, null, "crawl");
        await worker.WaitAsync(TimeSpan.FromMinutes(2));
        var lines = worker.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Sources, lines.Count(l => l.Contains(" warn: Monitor.Worker.Crawling.SourceCrawler", StringComparison.Ordinal)));
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z (warn|fail|crit|info): ", l));
        Assert.DoesNotContain(lines, l => l.Contains("Polly", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.True(worker.Error.Length < Sources * 400, $"{worker.Error.Length} bytes of logs for {Sources} failing sources");
    }

    [Fact]
    public async Task CliVerbsLogJsonWhenConfigured()
    {
        using var worker = WorkerProcess.Start(_env, [KeyValuePair.Create("Logging__Console__FormatterName", "json")], "crawl");
        await worker.WaitAsync(TimeSpan.FromMinutes(2));
        var lines = worker.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Sources, lines.Length);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", entry.RootElement.GetProperty("Timestamp").GetString());
            Assert.Equal("Warning", entry.RootElement.GetProperty("LogLevel").GetString());
            Assert.StartsWith("s", entry.RootElement.GetProperty("State").GetProperty("SourceId").GetString(), StringComparison.Ordinal);
        }
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
