using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Worker.Crawling;
using Monitor.Worker.Fetching;
using Monitor.Worker.Storage;

namespace Monitor.Tests.Fetching;

public sealed class RobotsCacheTests
{
    private const string Site = "https://www.example.go.jp";

    [Theory]
    [InlineData(null, true, 24 * 60)]
    [InlineData(120, true, 120)]
    [InlineData(7 * 24 * 60, true, 24 * 60)]
    [InlineData(0, true, 1)]
    [InlineData(null, false, 60)]
    public void KeepsRulesForTheirLifetime(int? headerMinutes, bool readable, int keptMinutes)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var cache = new RobotsCache(
            new RobotsStore(new MonitorDbContextFactory(DatabaseProvider.Sqlite, "Data Source=:memory:")),
            clock,
            Options.Create(new CrawlingOptions()),
            NullLogger<RobotsCache>.Instance);

        var rules = cache.Put(Site, "User-agent: *\nDisallow: /private/\n", readable, headerMinutes is { } m ? TimeSpan.FromMinutes(m) : null);
        Assert.False(rules.IsAllowed(new Uri(Site + "/private/x")));

        clock.Advance(TimeSpan.FromMinutes(keptMinutes) - TimeSpan.FromSeconds(1));
        Assert.True(cache.TryGet(Site, out var cached));
        Assert.False(cached.IsAllowed(new Uri(Site + "/private/x")));

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(cache.TryGet(Site, out _));
    }

    [Fact]
    public async Task RequestsForOneSiteShareOneFetch()
    {
        var cache = new RobotsCache(
            new RobotsStore(new MonitorDbContextFactory(DatabaseProvider.Sqlite, "Data Source=:memory:")),
            TimeProvider.System,
            Options.Create(new CrawlingOptions()),
            NullLogger<RobotsCache>.Instance);
        var fetches = 0;
        var release = new TaskCompletionSource();

        async Task<RobotsRules> Fetch()
        {
            Interlocked.Increment(ref fetches);
            await release.Task;
            return cache.Put(Site, null, readable: true, null);
        }

        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetOrFetchAsync(Site, Fetch)).ToList();
        release.SetResult();
        await Task.WhenAll(waiting);

        Assert.Equal(1, fetches);
        Assert.True(cache.TryGet(Site, out _));
    }
}
