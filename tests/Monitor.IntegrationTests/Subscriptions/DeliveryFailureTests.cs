using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>Permanent and transient SMTP refusals of a recipient, against a real SMTP server that refuses on RCPT.</summary>
public abstract class DeliveryFailureTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task ThreePermanentRefusalsMarkTheSubscriberBouncingAndSendingStops()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var host = await world.Env.StartHostAsync(s => s.AddSingleton<TimeProvider>(clock));
        await SubscriptionWorld.AddActiveAsync(host.Services, "gone@example.org");
        await SubscriptionWorld.AddActiveAsync(host.Services, "fine@example.org");
        world.Smtp.RejectRecipient("gone@example.org", 550);
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var runner = host.Services.GetRequiredService<DigestRunner>();

        for (var day = 1; day <= 3; day++)
        {
            var report = await runner.RunAsync(false, null, CancellationToken.None);
            Assert.Equal("bounced", report.Results.Single(r => r.Subscriber == "gone@example.org").Status);
            var expected = day < 3 ? SubscriberStatus.Active : SubscriberStatus.Bouncing;
            var row = await SubscriptionWorld.ReloadAsync(host.Services, "gone@example.org");
            Assert.Equal(expected, row.Status);
            Assert.Equal(day, row.ConsecutiveBounces);
            Assert.Contains("550", row.LastBounceError, StringComparison.Ordinal);
            clock.Advance(TimeSpan.FromDays(1));
        }

        var fourth = await runner.RunAsync(false, null, CancellationToken.None);
        Assert.DoesNotContain(fourth.Results, r => r.Subscriber == "gone@example.org");
        Assert.Equal(3, world.Smtp.Rejected);

        // The other recipient on the same connection got their one digest; the refused items went back to the pool.
        Assert.Single(world.Smtp.MessagesTo("fine@example.org"));
        await using var db = world.Database.CreateDbContext();
        var gone = await db.Subscribers.SingleAsync(s => s.EmailKey == "gone@example.org");
        Assert.All(await db.DigestDeliveries.Where(d => d.SubscriberId == gone.Id).ToListAsync(), d => Assert.Equal(DeliveryState.GivenUp, d.State));
        Assert.False(await db.DigestDeliveryItems.AnyAsync(i => i.SubscriberId == gone.Id));
    }

    [SkippableFact]
    public async Task TransientRefusalIsRetriedAndDeliveredExactlyOnce()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        using var host = await world.Env.StartHostAsync();
        await SubscriptionWorld.AddActiveAsync(host.Services, "busy@example.org");
        world.Smtp.RejectRecipient("busy@example.org", 450, times: 1);
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var runner = host.Services.GetRequiredService<DigestRunner>();

        Assert.Equal("failed", (await runner.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("sent", (await runner.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);
        Assert.Equal("already-sent", (await runner.RunAsync(false, null, CancellationToken.None)).Results.Single().Status);

        var message = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        await Task.Delay(300);
        Assert.Single(world.Smtp.Messages);
        await using var db = world.Database.CreateDbContext();
        var delivery = await db.DigestDeliveries.SingleAsync();
        Assert.Equal(DeliveryState.Sent, delivery.State);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(delivery.MessageId, message.MessageId);
        Assert.Equal(SubscriberStatus.Active, (await SubscriptionWorld.ReloadAsync(host.Services, "busy@example.org")).Status);
        Assert.Equal(0, (await SubscriptionWorld.ReloadAsync(host.Services, "busy@example.org")).ConsecutiveBounces);
    }

    [SkippableFact]
    public async Task SelectionReadsTheDatabasePerPageNotPerSubscriber()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        world.Env.Settings["Monitor:Digest:BatchSize"] = "50";
        var queries = new Monitor.Worker.Storage.QueryCounter();
        using var host = await world.Env.StartHostAsync(s => s.AddSingleton(
            world.Env.Factory(queries)));
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var store = host.Services.GetRequiredService<Monitor.Worker.Subscriptions.SubscriberStore>();
        for (var i = 0; i < 300; i++)
        {
            await SubscriptionWorld.AddActiveAsync(host.Services, $"reader{i}@example.org", topics: i % 2 == 0 ? "regulation" : "", countries: i % 3 == 0 ? "JP" : "");
        }

        queries.Reset();
        var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);

        Assert.Equal(300, report.Results.Count(r => r.Status is "sent" or "nothing-new"));
        var selects = queries.Top(100).Where(q => q.Statement.StartsWith("SELECT", StringComparison.Ordinal)).Sum(q => q.Count);
        const int pages = 300 / 50 + 1;

        // Per run: the pool and the older story reports; per page: the page, its ledger rows and its history.
        Assert.True(selects <= 2 + (3 * pages), $"{selects} SELECTs for {pages} pages");

        Assert.True(queries.Commands < 300, $"{queries.Commands} commands for 300 subscribers");

        // Each accepted message is marked sent as the server answers (one prepared UPDATE on the marker's own connection,
        // outside EF, so a crash resends at most one digest): every sent digest is recorded as sent.
        await using var db = world.Env.OpenDatabase();
        Assert.Equal(report.Results.Count(r => r.Status == "sent"), await db.DigestDeliveries.CountAsync(d => d.State == Monitor.Worker.Storage.Entities.DeliveryState.Sent && d.SentAt != null && d.Attempts == 1));
        _ = store;
    }
}

/// <summary><see cref="DeliveryFailureTests"/> on SQLite.</summary>
public sealed class DeliveryFailureTestsOnSqlite() : DeliveryFailureTests(DatabaseProvider.Sqlite);

/// <summary><see cref="DeliveryFailureTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class DeliveryFailureTestsOnPostgreSql() : DeliveryFailureTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="DeliveryFailureTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class DeliveryFailureTestsOnSqlServer() : DeliveryFailureTests(DatabaseProvider.SqlServer);
