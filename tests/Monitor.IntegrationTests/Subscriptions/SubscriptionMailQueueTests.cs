using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>Subscription mails are queued in the database: a replica that stops before sending loses none, two replicas
/// send each once, and a mail the server refuses for now is tried again.</summary>
public abstract class SubscriptionMailQueueTests(DatabaseProvider provider)
{
    [SkippableFact]
    public async Task AMailAStoppedReplicaQueuedIsSentByAnotherOnce()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        world.Env.Settings["Monitor:Subscriptions:MailRetrySeconds"] = "1";
        var factory = world.Env.Factory();
        long subscriberId;
        await using (var first = await WebHost.StartAsync(world.Env))
        {
            subscriberId = (await SubscriptionWorld.AddActiveAsync(first.Services, "left@example.org")).Id;
        }

        // What a replica leaves when it is killed after the request and before its mailer sent the mail: the queued row,
        // claimed by it a moment ago.
        await using (var db = factory.CreateDbContext())
        {
            db.SubscriptionMailQueue.Add(new QueuedSubscriptionMail
            {
                SubscriberId = subscriberId,
                Template = "manage",
                QueuedAt = DateTime.UtcNow,
                ClaimedUntil = DateTime.UtcNow.AddSeconds(3),
            });
            await db.SaveChangesAsync();
        }

        await using var other = await WebHost.StartAsync(world.Env);
        var mails = await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("left@example.org", Assert.Single(mails).To.Mailboxes.Single().Address);
        Assert.Contains("subscription", mails[0].Subject, StringComparison.Ordinal);
        await WaitUntilEmptyAsync(factory);
        await Task.Delay(1500);
        Assert.Single(world.Smtp.Messages);
    }

    [SkippableFact]
    public async Task TwoReplicasSendEveryQueuedMailOnce()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        world.Env.Settings["Monitor:Subscriptions:MailRetrySeconds"] = "1";
        await using var replicaA = await WebHost.StartAsync(world.Env);
        await using var replicaB = await WebHost.StartAsync(world.Env);
        var ids = new List<long>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await SubscriptionWorld.AddActiveAsync(replicaA.Services, $"reader{i}@example.org")).Id);
        }

        // Queued without waking either mailer: both find them at their next look and race for each row.
        await using (var db = world.Env.Factory().CreateDbContext())
        {
            db.SubscriptionMailQueue.AddRange(ids.Select(id => new QueuedSubscriptionMail { SubscriberId = id, Template = "manage", QueuedAt = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        }

        await world.Smtp.WaitForMessagesAsync(12, TimeSpan.FromSeconds(30));
        await WaitUntilEmptyAsync(world.Env.Factory());
        await Task.Delay(1500);
        var recipients = world.Smtp.Messages.Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(12, recipients.Count);
        Assert.Equal(12, recipients.Distinct().Count());
    }

    [SkippableFact]
    public async Task RequestsForOneAddressOnTwoReplicasAtOnceSendOneLink()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        await using var replicaA = await WebHost.StartAsync(world.Env);
        await using var replicaB = await WebHost.StartAsync(world.Env);
        await SubscriptionWorld.AddActiveAsync(replicaA.Services, "twice@example.org");
        var services = new[] { replicaA, replicaB }.Select(h => h.Services.GetRequiredService<SubscriptionService>()).ToArray();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => services[i % 2].RequestLinkAsync("twice@example.org", CancellationToken.None))));

        await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        await WaitUntilEmptyAsync(world.Env.Factory());
        await Task.Delay(1000);
        Assert.Single(world.Smtp.MessagesTo("twice@example.org"));
    }

    [SkippableFact]
    public async Task AMailRefusedForNowIsTriedAgainAndOneRefusedForGoodIsDropped()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        world.Env.Settings["Monitor:Subscriptions:MailRetrySeconds"] = "1";
        world.Smtp.RejectRecipient("later@example.org", 450, times: 2);
        world.Smtp.RejectRecipient("never@example.org", 550);
        await using var host = await WebHost.StartAsync(world.Env);
        var mailer = host.Services.GetRequiredService<SubscriptionMailer>();
        var later = await SubscriptionWorld.AddActiveAsync(host.Services, "later@example.org");
        var never = await SubscriptionWorld.AddActiveAsync(host.Services, "never@example.org");

        // Neither was sent a link before: both are due.
        Assert.True(await mailer.QueueIfDueAsync(never.Id, "manage", TimeSpan.FromHours(1), CancellationToken.None));
        Assert.True(await mailer.QueueIfDueAsync(later.Id, "manage", TimeSpan.FromHours(1), CancellationToken.None));

        var mails = await world.Smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30));
        Assert.Equal("later@example.org", Assert.Single(mails).To.Mailboxes.Single().Address);
        await WaitUntilEmptyAsync(world.Env.Factory());
        Assert.True(world.Smtp.Rejected >= 3, $"expected two refusals of 'later' and one of 'never', saw {world.Smtp.Rejected}");
    }

    private static async Task WaitUntilEmptyAsync(MonitorDbContextFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var left = await db.SubscriptionMailQueue.CountAsync();
            if (left == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{left} subscription mails still queued");
            await Task.Delay(200);
        }
    }
}

/// <summary><see cref="SubscriptionMailQueueTests"/> on SQLite.</summary>
public sealed class SubscriptionMailQueueTestsOnSqlite() : SubscriptionMailQueueTests(DatabaseProvider.Sqlite);

/// <summary><see cref="SubscriptionMailQueueTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class SubscriptionMailQueueTestsOnPostgreSql() : SubscriptionMailQueueTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="SubscriptionMailQueueTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class SubscriptionMailQueueTestsOnSqlServer() : SubscriptionMailQueueTests(DatabaseProvider.SqlServer);
