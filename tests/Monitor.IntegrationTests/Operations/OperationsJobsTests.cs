using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Crawling;
using Monitor.Worker.Sources;
using Quartz;

namespace Monitor.IntegrationTests.Operations;

/// <summary>The running worker schedules the alert check and the retention job, and the alert check mails on its own.</summary>
public sealed class OperationsJobsTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/feed.xml", "text/plain", "down", status: 500);
        _env.WriteSources($"""
            sources:
              - id: failing
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: FR
                language: fr
                schedule: "0 0 0 1 1 ? 2099"
            """);
        _env.Settings["Monitor:Web:Urls"] = "http://127.0.0.1:0";
        _env.Settings["Monitor:Alerts:Recipients:0"] = "ops@example.org";
        _env.Settings["Monitor:Alerts:AfterFailures"] = "1";
        _env.Settings["Monitor:Alerts:CheckSeconds"] = "5";
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task TheWorkerChecksForAlertsAndSchedulesRetention()
    {
        await using var app = MonitorHost.CreateWorker(_env.Paths, _env.Settings);
        await app.StartAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.True(await scheduler.GetJobDetail(new JobKey("retention", "operations")) is not null);
        Assert.True(await scheduler.GetJobDetail(new JobKey("alerts", "operations")) is not null);

        var source = app.Services.GetRequiredService<SourceCatalog>().Find("failing")!;
        await app.Services.GetRequiredService<SourceCrawler>().CrawlAsync(source, force: true, CancellationToken.None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !(Directory.Exists(_env.OutboxDirectory) && Directory.GetFiles(_env.OutboxDirectory, "*.eml").Length > 0))
        {
            await Task.Delay(250);
        }

        var mail = Assert.Single(Directory.GetFiles(_env.OutboxDirectory, "*.eml"));
        Assert.Contains("failing keeps failing", await File.ReadAllTextAsync(mail), StringComparison.Ordinal);
        await app.StopAsync();
    }
}
