using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>Empty periods, the "nothing new" setting and the sending rate.</summary>
public abstract class DigestScheduleTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task AnEmptyPeriodSendsNothingUnlessNothingNewIsAskedFor()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        using (var host = await world.Env.StartHostAsync())
        {
            await SubscriptionWorld.AddActiveAsync(host.Services, "quiet@example.org", countries: "BR");
            await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
            var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
            Assert.Equal("nothing-new", report.Results.Single().Status);
        }

        await Task.Delay(200);
        Assert.Empty(world.Smtp.Messages);

        world.Env.Settings["Monitor:Digest:SendEmpty"] = "true";
        using (var host = await world.Env.StartHostAsync())
        {
            var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
            Assert.Equal("sent", report.Results.Single().Status);
        }

        var message = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.EndsWith(": nothing new", message.Subject, StringComparison.Ordinal);
        Assert.Contains("Nothing new matched your filters", message.TextBody, StringComparison.Ordinal);
        Assert.NotNull(message.Headers["List-Unsubscribe"]);
    }

    [SkippableFact]
    public async Task SendingKeepsToTheConfiguredRate()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        world.Env.Settings["Monitor:Smtp:MaxMessagesPerSecond"] = "10";
        world.Env.Settings["Monitor:Smtp:Connections"] = "2";
        world.Env.Settings["Monitor:Digest:BatchSize"] = "4";
        using var host = await world.Env.StartHostAsync();
        for (var i = 0; i < 12; i++)
        {
            await SubscriptionWorld.AddActiveAsync(host.Services, $"r{i}@example.org");
        }

        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
        clock.Stop();

        Assert.Equal(12, report.Results.Count(r => r.Status == "sent"));
        Assert.Equal(12, (await world.Smtp.WaitForMessagesAsync(12, TimeSpan.FromSeconds(10))).Count);

        // 12 messages at 10 a second over any number of connections cannot take less than 1.1 s (the first is free).
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.0), $"12 messages in {clock.Elapsed.TotalSeconds:0.00} s at 10/s");
    }
}

/// <summary><see cref="DigestScheduleTests"/> on SQLite.</summary>
public sealed class DigestScheduleTestsOnSqlite() : DigestScheduleTests(DatabaseProvider.Sqlite);

/// <summary><see cref="DigestScheduleTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class DigestScheduleTestsOnPostgreSql() : DigestScheduleTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="DigestScheduleTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class DigestScheduleTestsOnSqlServer() : DigestScheduleTests(DatabaseProvider.SqlServer);
