using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests;

public abstract class DigestDeliveryTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly TestEnvironment _env = new(provider);
    private LoopbackHttpServer _web = null!;
    private LoopbackSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _smtp = LoopbackSmtpServer.Start();
        _env.UseSmtp(_smtp);
        _env.AddSubscriber(0, "analyst@example.org");
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("a-1", "Government unveils national AI strategy with sovereign large language model", "/a1.html", "Fri, 20 Nov 2026 08:30:00 +0000",
                "The government unveiled its national artificial intelligence strategy, including funding for a sovereign large language model and a national AI computing centre."),
            ("a-2", "Parliament adopts AI Act amendments on general-purpose AI models", "/a2.html", "Thu, 19 Nov 2026 10:00:00 +0000",
                "Parliament adopted amendments to the AI Act that regulate general-purpose AI models and set transparency obligations for providers.")));
        _env.WriteSources($"""
            sources:
              - id: gov
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: FR
                language: en
            """);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _smtp.DisposeAsync();
        _env.Dispose();
    }

    [SkippableFact]
    public async Task ProcessKilledBetweenStoringAndSendingSendsExactlyOnceOnTheNextRun()
    {
        using (var host = await _env.StartHostAsync())
        {
            var crawled = await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
            Assert.Equal(2, crawled.Single().ItemsRelevant);
        }

        // The real worker process records the delivery, connects, and is killed while the server holds MAIL FROM.
        _smtp.HoldMailFrom = true;
        using (var worker = WorkerProcess.Start(_env, null, "digest"))
        {
            var arrived = await Task.WhenAny(_smtp.MailFromReceived, Task.Delay(TimeSpan.FromSeconds(60)));
            worker.Kill();
            if (arrived != _smtp.MailFromReceived)
            {
                Assert.Fail("the worker never reached the SMTP server: " + worker.Error);
            }
        }

        _smtp.HoldMailFrom = false;
        Assert.Empty(_smtp.Messages);
        var pending = await LedgerAsync();
        Assert.Equal(DeliveryState.Pending, pending.Single().State);
        Assert.Equal(2, pending.Single().Items.Count);

        using (var host = await _env.StartHostAsync())
        {
            var runner = host.Services.GetRequiredService<DigestRunner>();
            var resumed = await runner.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
            Assert.Equal("sent", resumed.Results.Single().Status);
            var again = await runner.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
            Assert.Equal("already-sent", again.Results.Single().Status);
        }

        var messages = await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        Assert.Single(_smtp.Messages);
        Assert.Equal(pending.Single().MessageId, messages[0].MessageId);
        Assert.Contains("national AI strategy", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("AI Act amendments", messages[0].TextBody, StringComparison.Ordinal);
        Assert.Equal(DeliveryState.Sent, (await LedgerAsync()).Single().State);
    }

    [SkippableFact]
    public async Task SmtpFailureLeavesTheDigestForTheNextRunWithoutLosingItems()
    {
        using var host = await _env.StartHostAsync();
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        await _smtp.DisposeAsync();

        var runner = host.Services.GetRequiredService<DigestRunner>();
        var failed = await runner.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
        Assert.Equal("failed", failed.Results.Single().Status);
        var ledger = (await LedgerAsync()).Single();
        Assert.Equal(DeliveryState.Failed, ledger.State);
        Assert.Equal(2, ledger.Items.Count);

        await using var smtp = LoopbackSmtpServer.Start();
        _env.UseSmtp(smtp);
        using var retryHost = await _env.StartHostAsync();
        var retried = await retryHost.Services.GetRequiredService<DigestRunner>().RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
        Assert.Equal("sent", retried.Results.Single().Status);
        var message = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("AI Act amendments", message.TextBody, StringComparison.Ordinal);
        Assert.Equal(ledger.MessageId, message.MessageId);
    }

    [SkippableFact]
    public async Task WritesEmlFilesToTheOutboxWhenNoSmtpHostIsSet()
    {
        _env.Settings.Remove("Monitor:Smtp:Host");
        using var host = await _env.StartHostAsync();
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);

        var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);

        Assert.Equal("sent", report.Results.Single().Status);
        var file = Assert.Single(Directory.GetFiles(_env.OutboxDirectory, "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("analyst@example.org", message.To.Mailboxes.Single().Address);
        Assert.Contains("national AI strategy", message.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(_smtp.Messages);
    }

    private async Task<List<DigestDelivery>> LedgerAsync()
    {
        var factory = _env.Factory();
        await using var db = factory.CreateDbContext();
        return await db.DigestDeliveries.AsNoTracking().Include(d => d.Items).ToListAsync();
    }
}

/// <summary><see cref="DigestDeliveryTests"/> on SQLite.</summary>
public sealed class DigestDeliveryTestsOnSqlite() : DigestDeliveryTests(DatabaseProvider.Sqlite);

/// <summary><see cref="DigestDeliveryTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class DigestDeliveryTestsOnPostgreSql() : DigestDeliveryTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="DigestDeliveryTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class DigestDeliveryTestsOnSqlServer() : DigestDeliveryTests(DatabaseProvider.SqlServer);
