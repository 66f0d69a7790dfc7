using System.Diagnostics;
using Monitor.IntegrationTests.Infrastructure;

namespace Monitor.IntegrationTests;

/// <summary><c>crawl</c> on a real terminal (a pseudo-terminal from util-linux <c>script</c>) draws the Spectre.Console
/// progress bar with counts and rate, then the summary table; with <c>CI=true</c> the same command prints plain lines.</summary>
public sealed class CliProgressTerminalTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(("p-1", "National AI strategy published", "/p1.html", "Fri, 20 Nov 2026 08:30:00 +0000", "The government published its national AI strategy.")));
        _web.Serve("/down.xml", "text/plain", "down", status: 500);
        _env.WriteSources($"""
            sources:
              - id: strategy-feed
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: GB
                language: en
              - id: down-feed
                url: {_web.Url("/down.xml")}
                kind: feed
                country: GB
                language: en
            """);
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task ATerminalGetsABarThenTheTable()
    {
        var output = await CrawlAsync(ci: false);

        var bar = output.IndexOf('━', StringComparison.Ordinal);
        var table = output.IndexOf("TOTAL", StringComparison.Ordinal);
        Assert.True(bar >= 0, output);
        Assert.Contains("2/2", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+\.\d/s", output);
        Assert.Contains("down-feed: failed (0 new): HTTP 500", output, StringComparison.Ordinal);
        Assert.True(table > bar, "the summary table comes after the progress display");
        Assert.DoesNotContain("[1/2]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CiGetsPlainLinesThenTheTable()
    {
        var output = await CrawlAsync(ci: true);

        Assert.DoesNotContain("━", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[?25l", output, StringComparison.Ordinal);
        Assert.Matches(@"\[1/2\] (strategy-feed|down-feed): ", output);
        Assert.Matches(@"\[2/2\] (strategy-feed|down-feed): ", output);
        Assert.True(output.IndexOf("TOTAL", StringComparison.Ordinal) > output.IndexOf("[2/2]", StringComparison.Ordinal));
    }

    private async Task<string> CrawlAsync(bool ci)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Monitor.Worker.dll");
        var start = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _env.Root };
        foreach (var arg in new[] { "-qec", $"dotnet '{dll}' crawl --config '{_env.ConfigDirectory}'", "/dev/null" })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in _env.AsEnvironment())
        {
            start.Environment[key] = value;
        }

        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLUMNS"] = "160";
        start.Environment.Remove("CI");
        if (ci)
        {
            start.Environment["CI"] = "true";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, await output + await error);
        return await output;
    }
}
