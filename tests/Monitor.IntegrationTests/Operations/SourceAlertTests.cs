using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Operations;
using Monitor.Worker.Sources;

namespace Monitor.IntegrationTests.Operations;

/// <summary>One alert mail when a source crosses the failure threshold and one when it recovers, never one per failure,
/// and never two from two replicas on one database (real SMTP server on loopback).</summary>
public sealed class SourceAlertTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;
    private LoopbackSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _smtp = LoopbackSmtpServer.Start();
        _env.UseSmtp(_smtp);
        _env.Settings["Monitor:Alerts:Recipients:0"] = "ops@example.org";
        _env.Settings["Monitor:Alerts:Recipients:1"] = "oncall@example.org";
        _env.Settings["Monitor:Alerts:AfterFailures"] = "2";
        _web.Serve("/feed.xml", "text/plain", "down", status: 500);
        _web.Serve("/ok.xml", "application/rss+xml", Fixtures.Rss(("o-1", "Budget for AI compute announced", "/o1.html", "Fri, 20 Nov 2026 08:30:00 +0000", "The government funds a national AI supercomputer.")));
        _env.WriteSources($"""
            sources:
              - id: flaky
                name: Flaky Ministry
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: JP
                language: en
              - id: steady
                url: {_web.Url("/ok.xml")}
                kind: feed
                country: JP
                language: en
            """);
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task OneMailWhenASourceCrossesTheThresholdAndOneWhenItRecovers()
    {
        using var host = await _env.StartHostAsync();
        var crawler = host.Services.GetRequiredService<SourceCrawler>();
        var alerter = host.Services.GetRequiredService<SourceAlerter>();
        var flaky = host.Services.GetRequiredService<SourceCatalog>().Find("flaky")!;
        var steady = host.Services.GetRequiredService<SourceCatalog>().Find("steady")!;

        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        await crawler.CrawlAsync(steady, force: true, CancellationToken.None);
        Assert.Equal((0, 0), Counts(await alerter.CheckAsync(CancellationToken.None)));

        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        Assert.Equal(["flaky"], (await alerter.CheckAsync(CancellationToken.None)).Failing);
        var alert = Assert.Single(_smtp.Messages);
        Assert.Contains("Flaky Ministry (flaky) keeps failing", alert.Subject, StringComparison.Ordinal);
        Assert.Equal(["ops@example.org", "oncall@example.org"], alert.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("failed 2 times in a row; last error: HTTP 500", alert.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("steady", alert.TextBody, StringComparison.Ordinal);

        // Further failures and checks send nothing more.
        for (var i = 0; i < 3; i++)
        {
            await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
            await alerter.CheckAsync(CancellationToken.None);
        }

        Assert.Single(_smtp.Messages);

        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(("f-1", "Ministry back online", "/f1.html", "Fri, 20 Nov 2026 08:30:00 +0000", "News.")));
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        Assert.Equal(["flaky"], (await alerter.CheckAsync(CancellationToken.None)).Recovered);
        Assert.Equal((0, 0), Counts(await alerter.CheckAsync(CancellationToken.None)));

        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Contains("Flaky Ministry (flaky) works again", _smtp.Messages[1].Subject, StringComparison.Ordinal);

        // A new run of failures is a new crossing: one more alert.
        _web.Serve("/feed.xml", "text/plain", "down", status: 500);
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        await alerter.CheckAsync(CancellationToken.None);
        Assert.Equal(3, _smtp.Messages.Count);
    }

    [Fact]
    public async Task TwoReplicasCheckingAtOnceSendOneAlert()
    {
        using var first = await _env.StartHostAsync();
        using var second = await _env.StartHostAsync();
        var crawler = first.Services.GetRequiredService<SourceCrawler>();
        var flaky = first.Services.GetRequiredService<SourceCatalog>().Find("flaky")!;
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);

        var checks = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).Services.GetRequiredService<SourceAlerter>().CheckAsync(CancellationToken.None)));

        Assert.Equal(1, checks.Sum(c => c.Failing.Count));
        Assert.Single(_smtp.Messages);
    }

    [Fact]
    public async Task AnAlertThatCannotBeSentIsTriedAgain()
    {
        await _smtp.DisposeAsync();
        using var host = await _env.StartHostAsync();
        var crawler = host.Services.GetRequiredService<SourceCrawler>();
        var flaky = host.Services.GetRequiredService<SourceCatalog>().Find("flaky")!;
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);
        await crawler.CrawlAsync(flaky, force: true, CancellationToken.None);

        var (failing, _) = await host.Services.GetRequiredService<SourceAlerter>().CheckAsync(CancellationToken.None);
        Assert.Empty(failing);

        // The mail server is back (the outbox here): the next check sends it.
        using var outbox = await StartWithOutboxAsync();
        Assert.Equal(["flaky"], (await outbox.Services.GetRequiredService<SourceAlerter>().CheckAsync(CancellationToken.None)).Failing);
        Assert.Single(Directory.GetFiles(_env.OutboxDirectory, "*.eml"));
    }

    private async Task<IHost> StartWithOutboxAsync()
    {
        _env.Settings.Remove("Monitor:Smtp:Host");
        return await _env.StartHostAsync();
    }

    private static (int, int) Counts((IReadOnlyList<string> Failing, IReadOnlyList<string> Recovered) result) => (result.Failing.Count, result.Recovered.Count);
}
