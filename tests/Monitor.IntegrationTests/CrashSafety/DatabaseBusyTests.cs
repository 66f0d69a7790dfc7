using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.CrashSafety;

/// <summary>
/// Another connection holds the SQLite write lock (as a backup tool, a second process or a long transaction would):
/// a lock shorter than the busy timeout is waited out; a longer one fails the crawl and digest runs, which the next
/// runs repeat without losing an item or sending a digest twice.
/// </summary>
public sealed class DatabaseBusyTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;
    private LoopbackSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _smtp = LoopbackSmtpServer.Start();
        _env.UseSmtp(_smtp);
        _env.AddSubscriber(0, "analyst@example.org");
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("b-1", "Japan funds a sovereign AI model for public services", "/news/1.html", "Fri, 20 Nov 2026 08:30:00 +0000",
                "The Digital Agency will fund a Japanese large language model for ministries and local governments."),
            ("b-2", "Parliament adopts amendments on general-purpose AI models", "/news/2.html", "Fri, 20 Nov 2026 09:30:00 +0000",
                "Members adopted transparency obligations for providers of general-purpose AI models under the AI Act.")));
        _env.WriteSources($"""
            sources:
              - id: wire
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: FR
                language: en
            """);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _smtp.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task AWriteLockShorterThanTheBusyTimeoutIsWaitedOut()
    {
        _env.Settings["ConnectionStrings:Monitor"] = $"Data Source={_env.DatabasePath};Default Timeout=30";
        using var host = await _env.StartHostAsync();
        await using var locker = await HoldWriteLockAsync();

        var crawl = host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        await WaitUntilAsync(() => _web.CountStatus("/feed.xml", 200) == 1);
        await Task.Delay(1000);
        Assert.False(crawl.IsCompleted, "the crawl stored its items while another connection held the write lock");
        await locker.DisposeAsync();

        var outcome = (await crawl).Single();
        Assert.Equal(("ok", 2), (outcome.Status, outcome.ItemsNew));
        Assert.Equal(2, await CountAnnouncementsAsync());
    }

    [Fact]
    public async Task ALockHeldPastTheTimeoutFailsTheRunsAndTheNextRunsLoseNothing()
    {
        _env.Settings["ConnectionStrings:Monitor"] = $"Data Source={_env.DatabasePath};Default Timeout=1";
        using var host = await _env.StartHostAsync();
        var crawl = host.Services.GetRequiredService<CrawlRunner>();
        var digest = host.Services.GetRequiredService<DigestRunner>();

        await using (await HoldWriteLockAsync())
        {
            // The job boundary (CrawlJob, DigestJob) logs a run that throws; the store keeps nothing half-written.
            var locked = await Record(() => crawl.RunAsync(null, force: true, CancellationToken.None));
            Assert.True(locked.Failed, $"the crawl succeeded under a held write lock: {locked.Description}");
            Assert.Contains("locked", locked.Description, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(0, await CountAnnouncementsAsync());
        var stored = (await crawl.RunAsync(null, force: true, CancellationToken.None)).Single();
        Assert.Equal(("ok", 2), (stored.Status, stored.ItemsNew));

        await using (await HoldWriteLockAsync())
        {
            var locked = await Record(() => digest.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None));
            Assert.True(locked.Failed, $"the digest run succeeded under a held write lock: {locked.Description}");
        }

        Assert.Empty(_smtp.Messages);
        Assert.Equal("sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("already-sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        var message = Assert.Single(await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Japan funds", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Parliament adopts", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await CountAnnouncementsAsync());
        await Task.Delay(300);
        Assert.Single(_smtp.Messages);
    }

    /// <summary>A second connection with an open write transaction (BEGIN IMMEDIATE), released on dispose.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_env.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return connection;
    }

    /// <summary>Whether a run failed (threw, or reported a failed source or digest) and how.</summary>
    private static async Task<(bool Failed, string Description)> Record<T>(Func<Task<T>> run)
    {
        try
        {
            var result = await run();
            var text = result switch
            {
                IReadOnlyList<CrawlOutcome> outcomes => string.Join("; ", outcomes.Select(o => $"{o.Status} {o.Message}")),
                DigestRunReport report => string.Join("; ", report.Results.Select(r => $"{r.Status} {r.Message}")),
                _ => result?.ToString() ?? "",
            };
            return (text.Contains("failed", StringComparison.Ordinal), text);
        }
        catch (Exception ex) when (ex is SqliteException or DbUpdateException or InvalidOperationException)
        {
            return (true, ex.ToString());
        }
    }

    private async Task<int> CountAnnouncementsAsync()
    {
        await using var db = new MonitorDbContextFactory(DatabaseProvider.Sqlite, $"Data Source={_env.DatabasePath}").CreateDbContext();
        return await db.Announcements.CountAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "timed out");
    }
}
