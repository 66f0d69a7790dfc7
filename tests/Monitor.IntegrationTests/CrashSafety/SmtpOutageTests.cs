using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.CrashSafety;

/// <summary>
/// The mail server is down for a period (nothing listens on its port), then comes back on the same port: the digest
/// job's runs during the outage fail and are recorded, the digest is sent once when the server is back, with the items
/// it recorded, and items that arrived meanwhile go into the next digest. Nothing is lost, nothing sent twice.
/// </summary>
public sealed class SmtpOutageTests : IAsyncLifetime
{
    private const string Subscriber = "analyst@example.org";
    private readonly TestEnvironment _env = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private readonly int _smtpPort = LoopbackPorts.Free();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _env.Settings["Monitor:Smtp:Host"] = "127.0.0.1";
        _env.Settings["Monitor:Smtp:Port"] = _smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _env.Settings["Monitor:Smtp:Security"] = "None";
        _env.Settings["Monitor:Smtp:TimeoutSeconds"] = "5";
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _env.AddSubscriber(0, Subscriber);
        ServeFeed(2);
        _env.WriteFeedSource("wire", _web.Url("/feed.xml"));
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task DigestRunsDuringTheOutageFailAndTheDigestIsSentOnceWhenTheServerIsBack()
    {
        using var host = await StartAsync();
        var crawl = host.Services.GetRequiredService<CrawlRunner>();
        var digest = host.Services.GetRequiredService<DigestRunner>();
        await crawl.RunAsync(null, force: true, CancellationToken.None);

        // Three digest runs, 15 minutes apart, while nothing listens: each fails and is counted; a new item arrives.
        for (var run = 1; run <= 3; run++)
        {
            var failed = await digest.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
            Assert.Equal("failed", failed.Results.Single().Status);
            _clock.Advance(TimeSpan.FromMinutes(15));
        }

        var during = (await LedgerAsync()).Single();
        Assert.Equal((DeliveryState.Failed, 3, 2), (during.State, during.Attempts, during.Items.Count));
        Assert.False(string.IsNullOrEmpty(during.LastError));
        ServeFeed(3);
        await crawl.RunAsync(null, force: true, CancellationToken.None);

        await using var smtp = LoopbackSmtpServer.Start(_smtpPort);
        Assert.Equal("sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("already-sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);

        var messages = await smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Equal(during.MessageId, messages[0].MessageId);
        Assert.Contains("Japan funds", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Parliament adopts", messages[0].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Korea selects", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("Korea selects", messages[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Japan funds", messages[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOutageLongerThanTheAttemptsReleasesTheItemsToTheNextDigest()
    {
        _env.Settings["Monitor:Digest:MaxAttempts"] = "2";
        using var host = await StartAsync();
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var digest = host.Services.GetRequiredService<DigestRunner>();

        Assert.Equal("failed", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("given-up", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        var givenUp = (await LedgerAsync()).Single();
        Assert.Empty(givenUp.Items);

        // Back the same day: that period's digest stays given up; the next period's carries both items.
        await using var smtp = LoopbackSmtpServer.Start(_smtpPort);
        Assert.Equal("given-up", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("sent", (await digest.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);

        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Japan funds", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Parliament adopts", message.TextBody, StringComparison.Ordinal);
    }

    private async Task<IHost> StartAsync()
    {
        var host = MonitorHost.CreateOneShot(_env.Paths, overrides: _env.Settings, services: s => s.AddSingleton<TimeProvider>(_clock));
        await MonitorHost.PrepareDatabaseAsync(host, CancellationToken.None);
        return host;
    }

    private void ServeFeed(int items) => _web.Serve("/feed.xml", "application/rss+xml", Fixtures.StoriesFeed(items));

    private async Task<List<DigestDelivery>> LedgerAsync()
    {
        await using var db = _env.OpenDatabase();
        return await db.DigestDeliveries.AsNoTracking().Include(d => d.Items).ToListAsync();
    }
}
