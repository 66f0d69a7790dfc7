using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;

namespace Monitor.IntegrationTests.Operations;

/// <summary>The worker's ops endpoints after a real crawl of loopback sources: <c>/metrics</c> scraped and parsed,
/// <c>/health/sources</c>, and <c>/health/ready</c> with the database up and down.</summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsAndHealthTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("a-1", "Japan releases a national large language model for public services", "/a1.html", "Fri, 20 Nov 2026 08:30:00 +0900",
                "Japan's digital ministry released a domestic large language model trained on Japanese government data."),
            ("a-2", "Falcon 9 launches 24 satellites", "/a2.html", "Thu, 19 Nov 2026 22:15:00 +0000",
                "A Falcon 9 rocket lifted off carrying 24 communications satellites; the first stage landed on a drone ship.")));
        _web.Serve("/a1.html", "text/html", Fixtures.Article("Japan releases a national large language model for public services", "2026-11-20T08:30:00+09:00",
            "Japan's Digital Agency released a domestic large language model trained on Japanese government documents, to be used in public services."));
        _web.Serve("/a2.html", "text/html", Fixtures.Article("Falcon 9 launches 24 satellites", "2026-11-19T22:15:00Z",
            "A Falcon 9 rocket lifted off on Wednesday evening carrying 24 communications satellites."));
        _web.Serve("/broken.xml", "text/plain", "gone", status: 500);
        _env.WriteSources($"""
            sources:
              - id: wire
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: JP
                language: en
              - id: broken
                url: {_web.Url("/broken.xml")}
                country: US
                language: en
              - id: later
                url: {_web.Url("/later.xml")}
                country: US
                language: en
                enabled: false
            """);
        _env.AddSubscriber(0, "analyst@example.org");
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task MetricsAfterACrawlShowWhatTheCrawlDid()
    {
        // A fresh host: every counter starts at zero, so the values below are what the crawl added.
        await using var host = await WebHost.StartAsync(_env);

        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);
        var (status, body) = await host.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        var metrics = PrometheusText.Parse(body);
        Assert.Equal(2, metrics.Sum("monitor_items_seen_total", ("source", "wire")));
        Assert.Equal(2, metrics.Sum("monitor_items_new_total", ("source", "wire")));
        Assert.Equal(1, metrics.Sum("monitor_items_relevant_total", ("source", "wire")));
        Assert.Equal(1, metrics.Sum("monitor_source_failures_total", ("source", "broken")));
        Assert.True(metrics.Sum("monitor_fetches_total", ("outcome", "ok"), ("status_class", "2xx")) >= 3, "feed and two articles");
        Assert.True(metrics.Sum("monitor_fetches_total", ("outcome", "failed"), ("status_class", "5xx")) >= 1);
        Assert.True(metrics.Sum("monitor_fetch_bytes_total") > 0);
        Assert.True(metrics.Sum("monitor_fetch_duration_seconds_count") >= 4);
        Assert.Equal("histogram", metrics.Types["monitor_fetch_duration_seconds"]);
        Assert.Equal(1, metrics.Sum("monitor_classifications_total", ("topic", "model"), ("relevant", "true")));
        Assert.Equal(2, metrics.Sum("monitor_stories_total", ("event", "opened")));
        Assert.Equal(1, metrics.Sum("monitor_crawl_pass_duration_seconds_count"));
        Assert.Equal(1, metrics.Sum("monitor_subscribers", ("status", "active")));
        Assert.Equal(1, metrics.Sum("monitor_sources_failing"));
        Assert.Equal(1, metrics.Sum("monitor_sources_backoff"));

        // The standard instrumentation: the server's own requests and the crawler's HttpClient.
        Assert.True(metrics.Has("http_server_request_duration_seconds_count"));
        Assert.True(metrics.Sum("http_client_request_duration_seconds_count") >= 4);
    }

    [Fact]
    public async Task HealthSourcesSaysHowEachSourceIsDoing()
    {
        await using var host = await WebHost.StartAsync(_env);
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);

        var (status, body) = await host.GetAsync("/health/sources");

        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        Assert.Equal("ok", sources["wire"].GetProperty("status").GetString());
        Assert.Equal(0, sources["wire"].GetProperty("consecutiveFailures").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, sources["wire"].GetProperty("lastSuccess").ValueKind);
        Assert.Equal("failing", sources["broken"].GetProperty("status").GetString());
        Assert.Equal(1, sources["broken"].GetProperty("consecutiveFailures").GetInt32());
        Assert.Contains("HTTP 500", sources["broken"].GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, sources["broken"].GetProperty("lastSuccess").ValueKind);
        Assert.True(sources["broken"].GetProperty("nextAttempt").GetDateTime() > DateTime.UtcNow);
        Assert.Equal("disabled", sources["later"].GetProperty("status").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("counts").GetProperty("failing").GetInt32());
    }

    [Fact]
    public async Task ReadyFollowsTheDatabase()
    {
        await using var host = await WebHost.StartAsync(_env);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/health/ready")).Status);

        // The database goes away: the file is replaced by a directory nothing can open.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_env.DatabasePath);
        Directory.CreateDirectory(_env.DatabasePath);
        var (down, _) = await host.GetAsync("/health/ready");
        var (live, _) = await host.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down);
        Assert.Equal(HttpStatusCode.OK, live);
        var (metrics, _) = await host.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics);
    }

    [Fact]
    public async Task NotReadyUntilMigrationsAreApplied()
    {
        // A database one migration behind this build, and a worker told not to migrate it.
        _env.Settings["Monitor:Storage:MigrateOnStart"] = "false";
        await using (var db = new Monitor.Worker.Storage.MonitorDbContextFactory(Monitor.Worker.Storage.DatabaseProvider.Sqlite, $"Data Source={_env.DatabasePath}").CreateDbContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
        }

        await using var host = await WebHost.StartAsync(_env);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.GetAsync("/health/ready")).Status);

        await host.Services.GetRequiredService<Monitor.Worker.Storage.DatabaseMigrator>().MigrateAsync(CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/health/ready")).Status);
    }
}
