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
    private LoopbackWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await LoopbackWorld.StartAsync();
        _world.Env.AddSubscriber(0, "analyst@example.org");
        _world.Web.Serve("/feed.xml", "application/rss+xml", Fixtures.StoriesFeed(2));
        _world.Env.WriteFeedSource("wire", _world.Web.Url("/feed.xml"));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task AWriteLockShorterThanTheBusyTimeoutIsWaitedOut()
    {
        _world.Env.Settings["ConnectionStrings:Monitor"] = $"Data Source={_world.Env.DatabasePath};Default Timeout=30";
        using var host = await _world.Env.StartHostAsync();
        await using var locker = await HoldWriteLockAsync();

        var crawl = host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        await WaitUntilAsync(() => _world.Web.CountStatus("/feed.xml", 200) == 1);
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
        _world.Env.Settings["ConnectionStrings:Monitor"] = $"Data Source={_world.Env.DatabasePath};Default Timeout=1";
        using var host = await _world.Env.StartHostAsync();
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

        Assert.Empty(_world.Smtp.Messages);
        Assert.Equal("sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("already-sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        var message = Assert.Single(await _world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Japan funds", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Parliament adopts", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, await CountAnnouncementsAsync());
        await Task.Delay(300);
        Assert.Single(_world.Smtp.Messages);
    }

    /// <summary>A second connection with an open write transaction (BEGIN IMMEDIATE), released on dispose.</summary>
    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = new SqliteConnection($"Data Source={_world.Env.DatabasePath};Pooling=False");
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
        await using var db = _world.Env.OpenDatabase();
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
