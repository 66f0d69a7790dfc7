using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests;

/// <summary>The curator's and operator's verbs, run as the command line runs them.</summary>
public sealed class CliCommandTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("k-1", "Korea finalises enforcement decree of the AI Basic Act", "/k1.html", "Thu, 20 Nov 2026 12:00:00 +0900",
                "The Ministry of Science and ICT finalised the enforcement decree of the AI Basic Act, regulating high-impact AI."),
            ("k-2", "Typhoon brings heavy rain to the south coast", "/k2.html", "Wed, 19 Nov 2026 06:00:00 +0900",
                "A typhoon brought heavy rain and strong winds; ferries were cancelled.")));
        _web.Serve("/k1.html", "text/html", Fixtures.Article("Korea finalises enforcement decree of the AI Basic Act", "2026-11-20T12:00:00+09:00",
            "The Ministry of Science and ICT finalised the enforcement decree of the AI Basic Act, which regulates high-impact artificial intelligence and generative AI."));
        _env.WriteSources($"""
            sources:
              - id: msit
                name: MSIT
                url: {_web.Url("/feed.xml")}
                country: KR
                language: en
            """);

        // The CLI reads settings from files and the environment; the test's settings go in the config directory.
        var json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["ConnectionStrings"] = new Dictionary<string, string> { ["Monitor"] = $"Data Source={_env.DatabasePath}" },
            ["Monitor"] = new Dictionary<string, object>
            {
                ["Crawling"] = new Dictionary<string, object> { ["AllowedNetworks"] = new[] { "127.0.0.0/8" } },
                ["Digest"] = new Dictionary<string, object>
                {
                    ["OutboxDirectory"] = _env.OutboxDirectory,
                    ["Subscribers"] = new[] { new Dictionary<string, object> { ["Email"] = "analyst@example.org", ["SendHour"] = 0 } },
                },
            },
        });
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), json);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task SourcesTestShowsExtractionAndClassificationAndStoresNothing()
    {
        var (code, output) = await RunAsync("sources", "test", "msit", "--items", "2");

        Assert.Equal(0, code);
        Assert.Contains("read as feed (rss20): 2 items", output, StringComparison.Ordinal);
        Assert.Contains("Korea finalises enforcement decree of the AI Basic Act", output, StringComparison.Ordinal);
        Assert.Contains("relevant: True", output, StringComparison.Ordinal);
        Assert.Contains("countries: [KR]", output, StringComparison.Ordinal);
        Assert.Contains("relevant: False", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_env.DatabasePath));
    }

    [Fact]
    public async Task CrawlPrintsASummaryTableAndDigestDryRunRecordsNothing()
    {
        var (crawlCode, crawlOutput) = await RunAsync("crawl", "--once");
        Assert.Equal(0, crawlCode);
        Assert.Matches(@"msit\s+ok\s+2\s+2\s+1", crawlOutput);
        Assert.Contains("TOTAL", crawlOutput, StringComparison.Ordinal);

        var preview = Path.Combine(_env.Root, "preview");
        var (dryCode, dryOutput) = await RunAsync("digest", "--dry-run", "--to", "analyst@example.org", "--out", preview);
        Assert.Equal(0, dryCode);
        Assert.Matches(@"Subject: Monitor digest, .+: 1 new story — ", dryOutput);
        Assert.Contains("Korea finalises enforcement decree", dryOutput, StringComparison.Ordinal);
        Assert.Contains("dry-run", dryOutput, StringComparison.Ordinal);
        var html = Path.Combine(preview, "digest-analyst_example.org.html");
        Assert.Contains($"HTML preview: {html}", dryOutput, StringComparison.Ordinal);
        Assert.Contains("Korea finalises enforcement decree", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_env.OutboxDirectory) && Directory.GetFiles(_env.OutboxDirectory).Length > 0);

        var (sendCode, sendOutput) = await RunAsync("digest");
        Assert.Equal(0, sendCode);
        Assert.Matches(@"analyst@example.org\s+daily:\S+\s+sent\s+1", sendOutput);
        Assert.Single(Directory.GetFiles(_env.OutboxDirectory, "*.eml"));

        var (listCode, listOutput) = await RunAsync("sources", "list");
        Assert.Equal(0, listCode);
        Assert.Matches(@"msit\s+KR\s+yes\s+ok", listOutput);
    }

    [Fact]
    public async Task ABrokenMailTemplateStopsTheVerbsThatSendMailButNotACrawl()
    {
        await File.WriteAllTextAsync(Path.Combine(_env.ConfigDirectory, "templates", "digest.txt.liquid"), "{% for story in stories %}never closed");

        var (crawlCode, crawlOutput) = await RunAsync("crawl", "--once");
        Assert.Equal(0, crawlCode);
        Assert.Matches(@"msit\s+ok\s+2\s+2\s+1", crawlOutput);

        var (digestCode, digestOutput) = await RunAsync("digest", "--dry-run", "--to", "analyst@example.org");
        Assert.NotEqual(0, digestCode);
        Assert.Contains("templates/digest.txt.liquid", digestOutput, StringComparison.Ordinal);
        var (checkCode, checkOutput) = await RunAsync("sources", "check");
        Assert.NotEqual(0, checkCode);
        Assert.Contains("templates/digest.txt.liquid", checkOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classify-train", "--in", "{missing}", "--out", "{dir}/model.json")]
    [InlineData("classify-train", "--in", "{sample}", "--extra", "{missing}", "--cv", "2", "--out", "{dir}/cv.jsonl")]
    [InlineData("classify", "--in", "{missing}", "--out", "{dir}/out.jsonl")]
    public async Task AMissingInputIsAClearArgumentErrorNotACrash(params string[] args)
    {
        var missing = Path.Combine(_env.Root, "no-such-input.jsonl");
        var sample = Path.Combine(_env.Root, "sample.jsonl");
        await File.WriteAllTextAsync(sample, """{"id":"a","title":"AI strategy","relevant":true}""" + "\n");
        var resolved = args.Select(a => a.Replace("{missing}", missing, StringComparison.Ordinal)
            .Replace("{sample}", sample, StringComparison.Ordinal).Replace("{dir}", _env.Root, StringComparison.Ordinal)).ToArray();

        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApplication.RunAsync([.. resolved, "--config", _env.ConfigDirectory], output, error);

        Assert.Equal(2, code);
        Assert.Equal("", output.ToString());
        Assert.Contains("not found", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("no-such-input.jsonl", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbMigrateCreatesTheDatabase()
    {
        var (code, output) = await RunAsync("db", "migrate");

        Assert.Equal(0, code);
        Assert.Contains("database is up to date (Sqlite)", output, StringComparison.Ordinal);
        await using var db = _env.OpenDatabase();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task DemoRunsOfflineAndWritesADigest()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _env.Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Monitor.Worker.dll"));
        start.ArgumentList.Add("demo");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "config"));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Matches(@"TOTAL\s+4/4 ok", await output);
        var digest = Assert.Single(Directory.GetFiles(Path.Combine(_env.Root, "data", "outbox"), "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(digest);
        Assert.Contains("AI Basic Act", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Falcon 9", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Also reported by", message.TextBody, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync([.. args, "--config", _env.ConfigDirectory], output, error);
        return (code, output + error.ToString());
    }
}
