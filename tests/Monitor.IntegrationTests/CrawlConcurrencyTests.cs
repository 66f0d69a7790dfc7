using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;

namespace Monitor.IntegrationTests;

/// <summary>
/// Scheduled crawl groups that fire at the same time run as separate passes of one <see cref="CrawlRunner"/>: the
/// process-wide fetch limit must hold across them, not per pass.
/// </summary>
public sealed class CrawlConcurrencyTests : IAsyncLifetime
{
    private const int Sources = 8;
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;
    private int _inFlight;
    private int _peak;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _env.Settings["Monitor:Crawling:MaxParallelSources"] = "2";
        _env.Settings["Monitor:Crawling:MaxRequestsPerHost"] = "16";
        for (var i = 0; i < Sources; i++)
        {
            var body = Fixtures.Rss(($"g-{i}", $"Ministry {i} publishes its national AI strategy", $"/news/{i}.html", "Fri, 20 Nov 2026 08:30:00 +0000",
                "The ministry published the national artificial intelligence strategy."));
            _web.Map($"/feed-{i}.xml", async context =>
            {
                // Each feed answers slowly, so requests of both passes would overlap if nothing shared the limit.
                var now = Interlocked.Increment(ref _inFlight);
                InterlockedMax(ref _peak, now);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300));
                    context.Response.ContentType = "application/rss+xml";
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }
            });
        }

        _env.WriteSources("sources:\n" + string.Concat(Enumerable.Range(0, Sources).Select(i => $"""
              - id: feed-{i}
                url: {_web.Url($"/feed-{i}.xml")}
                country: FR
                language: en

            """)));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task GroupsRunningAtOnceShareTheProcessFetchLimit()
    {
        using var host = await _env.StartHostAsync();
        var runner = host.Services.GetRequiredService<CrawlRunner>();
        var sources = host.Services.GetRequiredService<SourceCatalog>().Sources;

        var passes = await Task.WhenAll(
            runner.RunGroupAsync(sources.Take(Sources / 2).ToList(), CancellationToken.None),
            runner.RunGroupAsync(sources.Skip(Sources / 2).ToList(), CancellationToken.None));

        var outcomes = passes.SelectMany(p => p).ToList();
        Assert.Equal(Sources, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal("ok", o.Status));
        Assert.Equal(Sources, outcomes.Sum(o => o.ItemsNew));

        // Two passes of four sources each: per-pass limits would let four feeds be read at once.
        Assert.InRange(_peak, 1, 2);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
