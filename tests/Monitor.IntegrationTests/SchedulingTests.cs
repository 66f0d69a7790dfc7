using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Storage;
using Quartz;

namespace Monitor.IntegrationTests;

/// <summary>The worker as ops run it: Quartz crawl jobs per group of sources, the digest job, graceful shutdown.</summary>
public abstract class SchedulingTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestEnvironment _env = new(provider);
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _env.Settings["Monitor:Web:Urls"] = "http://127.0.0.1:0";
        _env.Settings["Monitor:Scheduling:JitterSeconds"] = "0";
        _env.Settings["Monitor:Scheduling:ConfigPollSeconds"] = "1";
        _env.Settings["Monitor:Scheduling:DefaultCrawlSchedule"] = "0 0 3 * * ?";
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _web.Serve("/a.xml", "application/rss+xml", Fixtures.Rss(("x", "National AI strategy adopted", "/x", "Fri, 20 Nov 2026 08:00:00 GMT", "The cabinet adopted a national AI strategy.")));
        _web.Map("/slow.xml", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            context.Response.ContentType = "application/rss+xml";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response,
                Fixtures.Rss(("y", "AI safety institute publishes evaluation report", "/y", "Fri, 20 Nov 2026 09:00:00 GMT", "The AI safety institute published an evaluation of frontier models.")));
        });
        _env.WriteSources($"""
            sources:
              - id: hourly
                url: {_web.Url("/a.xml")}
                country: GB
                language: en
                schedule: "0 5 * * * ?"
              - id: slow
                url: {_web.Url("/slow.xml")}
                country: GB
                language: en
              - id: parked
                url: {_web.Url("/parked.xml")}
                country: GB
                language: en
                enabled: false
            """);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [SkippableFact]
    public async Task SchedulesOneNonOverlappingCrawlJobPerGroupOfEnabledSourcesAndTheDigestJob()
    {
        await using var app = MonitorHost.CreateWorker(_env.Paths, _env.Settings);
        await app.StartAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        // One job per schedule and hash group that has an enabled source: here two (the disabled source has none).
        var crawls = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("crawl"));
        Assert.Equal(
            new[] { GroupOf("hourly", "0 5 * * * ?").JobKey, GroupOf("slow", "0 0 3 * * ?").JobKey }.OrderBy(k => k.Name, StringComparer.Ordinal),
            crawls.OrderBy(k => k.Name, StringComparer.Ordinal));
        var hourly = await scheduler.GetJobDetail(GroupOf("hourly", "0 5 * * * ?").JobKey);
        Assert.NotNull(hourly);
        Assert.True(hourly.ConcurrentExecutionDisallowed);
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(GroupOf("hourly", "0 5 * * * ?").TriggerKey));
        Assert.Equal("0 5 * * * ?", trigger.CronExpressionString);
        var slowTrigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(GroupOf("slow", "0 0 3 * * ?").TriggerKey));
        Assert.Equal("0 0 3 * * ?", slowTrigger.CronExpressionString);
        var digest = await scheduler.GetJobDetail(new JobKey("digest", "digest"));
        Assert.NotNull(digest);
        Assert.True(digest.ConcurrentExecutionDisallowed);

        // On a server database the jobs live in Quartz's tables, clustered, and a stopped replica's runs are recovered.
        var metadata = await scheduler.GetMetadata();
        Assert.Equal(provider != DatabaseProvider.Sqlite, metadata.JobStoreClustered);
        Assert.Equal(provider != DatabaseProvider.Sqlite, metadata.JobStorePersistent);
        Assert.True(hourly.RequestsRecovery);

        // Each crawl group has a slot of its own on top of MaxConcurrentJobs: groups due together never wait past the
        // misfire threshold for one another.
        Assert.Equal(new Monitor.Worker.Scheduling.SchedulingOptions().MaxConcurrentJobs + crawls.Count, metadata.ThreadPoolSize);
        Assert.True(digest.RequestsRecovery);

        await scheduler.TriggerJob(GroupOf("hourly", "0 5 * * * ?").JobKey);
        Assert.True(await WaitForStateAsync("hourly"), "the triggered crawl job stored its outcome");
        await app.StopAsync();
    }

    [SkippableFact]
    public async Task GracefulShutdownWaitsForARunningCrawl()
    {
        var app = MonitorHost.CreateWorker(_env.Paths, _env.Settings);
        await app.StartAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(GroupOf("slow", "0 0 3 * * ?").JobKey);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_web.Requests.Any(r => r.Path == "/slow.xml") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await app.StopAsync();
        await app.DisposeAsync();

        await using var db = Db();
        var state = await db.SourceStates.SingleAsync(s => s.SourceId == "slow");
        Assert.Equal("ok", state.LastOutcome);
        Assert.Equal(1, await db.Announcements.CountAsync());
    }

    [SkippableFact]
    public async Task EditedSourcesArePickedUpWithoutARestartAndBadEditsAreRejected()
    {
        await using var app = MonitorHost.CreateWorker(_env.Paths, _env.Settings);
        await app.StartAsync();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var catalog = app.Services.GetRequiredService<Monitor.Worker.Sources.SourceCatalog>();

        _env.WriteSources($"""
            sources:
              - id: hourly
                url: {_web.Url("/a.xml")}
                country: GB
                language: en
                schedule: "0 7 * * * ?"
              - id: fresh
                url: {_web.Url("/a.xml")}
                country: IE
                language: en
            """);
        // hourly moved to a new schedule (its old group emptied and went); fresh took slow's schedule (the default).
        var reloaded = await PollAsync(async () =>
            await scheduler.GetJobDetail(GroupOf("fresh", "0 0 3 * * ?").JobKey) is not null
            && (GroupOf("fresh", "0 0 3 * * ?") == GroupOf("slow", "0 0 3 * * ?") || await scheduler.GetJobDetail(GroupOf("slow", "0 0 3 * * ?").JobKey) is null)
            && await scheduler.GetJobDetail(GroupOf("hourly", "0 5 * * * ?").JobKey) is null
            && await scheduler.GetTrigger(GroupOf("hourly", "0 7 * * * ?").TriggerKey) is ICronTrigger { CronExpressionString: "0 7 * * * ?" });
        Assert.True(reloaded, "the edit was applied to the schedule");
        Assert.Equal("IE", catalog.Find("fresh")?.Country);

        _env.WriteSources("sources:\n  - id: broken\n    url: nowhere\n    country: XX\n    language: en\n");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.NotNull(catalog.Find("fresh"));
        Assert.Null(catalog.Find("broken"));
        Assert.NotNull(await scheduler.GetJobDetail(GroupOf("fresh", "0 0 3 * * ?").JobKey));
        Assert.Equal(2, (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals("crawl"))).Count);

        // The edited source is crawled by its new group.
        await scheduler.TriggerJob(GroupOf("hourly", "0 7 * * * ?").JobKey);
        Assert.True(await WaitForStateAsync("hourly"), "the moved source was crawled by its new group");
        await app.StopAsync();
    }

    private static Monitor.Worker.Scheduling.CrawlGroup GroupOf(string sourceId, string schedule) =>
        Monitor.Worker.Scheduling.CrawlGroup.Of(
            new Monitor.Worker.Sources.SourceDefinition { Id = sourceId, Url = new Uri("http://127.0.0.1/"), Country = "GB", Language = "en", Schedule = schedule },
            schedule,
            new Monitor.Worker.Scheduling.SchedulingOptions().CrawlGroups);

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private async Task<bool> WaitForStateAsync(string sourceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Db();
            if (await db.SourceStates.AnyAsync(s => s.SourceId == sourceId && s.LastOutcome == "ok"))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private MonitorDbContext Db() => _env.Factory().CreateDbContext();
}

/// <summary><see cref="SchedulingTests"/> on SQLite.</summary>
public sealed class SchedulingTestsOnSqlite() : SchedulingTests(DatabaseProvider.Sqlite);

/// <summary><see cref="SchedulingTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class SchedulingTestsOnPostgreSql() : SchedulingTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="SchedulingTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class SchedulingTestsOnSqlServer() : SchedulingTests(DatabaseProvider.SqlServer);
