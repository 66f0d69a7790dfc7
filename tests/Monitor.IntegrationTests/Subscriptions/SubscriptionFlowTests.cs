using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.Subscriptions;

/// <summary>The whole subscriber journey over real HTTP and a real SMTP server on loopback.</summary>
public abstract class SubscriptionFlowTests(DatabaseProvider provider)
{
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(15);

    [SkippableFact]
    public async Task SubscribeConfirmReceiveFilteredDigestThenOneClickUnsubscribeStopsMail()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(world.Env, s => s.AddSingleton<TimeProvider>(clock));
        const string email = "reader@example.org";

        // Subscribe over HTTP: regulation news about South Korea, daily from 00:00 UTC.
        using var posted = await host.PostFormAsync("/subscribe", "/subscribe",
        [
            new("Email", email), new("Input.Topics", "regulation"), new("Input.Countries", "KR"),
            new("Input.Frequency", "daily"), new("Input.SendHour", "0"), new("Input.TimeZone", "UTC"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/check-inbox", posted.Headers.Location?.OriginalString);
        Assert.Equal(SubscriberStatus.Pending, (await SubscriptionWorld.ReloadAsync(host.Services, email)).Status);

        // The confirmation mail arrives; following its link shows a button, and the POST confirms.
        var confirmation = Assert.Single(await world.Smtp.WaitForMessagesAsync(1, MailWait));
        Assert.Equal(email, confirmation.To.Mailboxes.Single().Address);
        var confirmLink = SubscriptionWorld.Link(confirmation.TextBody!, "confirm");
        var (status, page) = await host.GetAsync(WebHost.PathOf(confirmLink));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Confirm subscription", page, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, (await SubscriptionWorld.ReloadAsync(host.Services, email)).Status);
        var token = Uri.UnescapeDataString(confirmLink[(confirmLink.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        using var confirmed = await host.PostFormAsync(WebHost.PathOf(confirmLink), "/confirm", [new("token", token)]);
        var confirmedPage = await confirmed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("You are subscribed", confirmedPage, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, (await SubscriptionWorld.ReloadAsync(host.Services, email)).Status);

        // The next digest carries only Korean regulation news, and the list headers.
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        var report = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
        Assert.Equal("sent", report.Results.Single(r => r.Subscriber == email).Status);
        var digest = Assert.Single((await world.Smtp.WaitForMessagesAsync(2, MailWait)).Skip(1));
        Assert.Contains("enforcement decree of the AI Basic Act", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Japan releases", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("general-purpose AI models", digest.TextBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("<mailto:", digest.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.StartsWith("Monitor digest <digest.", digest.Headers["List-Id"], StringComparison.Ordinal);
        Assert.EndsWith("@monitor.localhost", digest.MessageId, StringComparison.Ordinal);

        // RFC 8058: a POST to the header's link, with no cookie and no form token, unsubscribes at once.
        using var anonymous = new HttpClient();
        using var oneClick = await anonymous.PostAsync(new Uri(SubscriptionWorld.OneClickLink(digest)),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await SubscriptionWorld.ReloadAsync(host.Services, email)).Status);

        // Nothing more arrives, even for a new item in a later period.
        world.Web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("k-2", "Korea opens consultation on AI Basic Act guidelines", "/k2.html", "Fri, 20 Nov 2026 12:00:00 +0900",
                "The Ministry of Science and ICT opened a consultation on guidelines under the AI Basic Act for high-impact AI.")));
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: true, CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(1));
        var after = await host.Services.GetRequiredService<DigestRunner>().RunAsync(false, null, CancellationToken.None);
        Assert.DoesNotContain(after.Results, r => r.Subscriber == email);
        await Task.Delay(300);
        Assert.Equal(2, world.Smtp.Messages.Count);
    }

    [SkippableFact]
    public async Task ExpiredTamperedAndWrongPurposeTokensAreRefused()
    {
        await using var world = await SubscriptionWorld.CreateAsync(provider);
        await using var host = await WebHost.StartAsync(world.Env);
        var subscriber = await SubscriptionWorld.AddActiveAsync(host.Services, "kept@example.org");
        var protection = host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>();
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Monitor.Worker.Subscriptions.SubscriptionOptions>>();
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(49));
        var oldTokens = new Monitor.Worker.Subscriptions.SubscriptionTokens(protection, options, past);
        var tokens = host.Services.GetRequiredService<Monitor.Worker.Subscriptions.SubscriptionTokens>();

        var expiredConfirm = oldTokens.Create(Monitor.Worker.Subscriptions.LinkPurpose.Confirm, subscriber.Id, subscriber.TokenStamp);
        var manage = tokens.Create(Monitor.Worker.Subscriptions.LinkPurpose.Manage, subscriber.Id, subscriber.TokenStamp);
        var tampered = manage[..20] + (manage[20] == 'A' ? 'B' : 'A') + manage[21..];

        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync($"/confirm?token={Uri.EscapeDataString(expiredConfirm)}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync($"/preferences?token={Uri.EscapeDataString(tampered)}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync($"/confirm?token={Uri.EscapeDataString(manage)}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.GetAsync("/unsubscribe?token=not-a-token")).Status);
        Assert.Contains("This link is not valid", (await host.GetAsync($"/preferences?token={Uri.EscapeDataString(tampered)}")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/preferences?token={Uri.EscapeDataString(manage)}")).Status);

        using var anonymous = new HttpClient();
        using var refused = await anonymous.PostAsync(new Uri(host.BaseUri, $"unsubscribe/one-click?token={Uri.EscapeDataString(tampered)}"),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var expiredManage = oldTokens.Create(Monitor.Worker.Subscriptions.LinkPurpose.Manage, subscriber.Id, subscriber.TokenStamp);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"/preferences?token={Uri.EscapeDataString(expiredManage)}")).Status);
        Assert.Equal(SubscriberStatus.Active, (await SubscriptionWorld.ReloadAsync(host.Services, "kept@example.org")).Status);
    }
}

/// <summary><see cref="SubscriptionFlowTests"/> on SQLite.</summary>
public sealed class SubscriptionFlowTestsOnSqlite() : SubscriptionFlowTests(DatabaseProvider.Sqlite);

/// <summary><see cref="SubscriptionFlowTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class SubscriptionFlowTestsOnPostgreSql() : SubscriptionFlowTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="SubscriptionFlowTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class SubscriptionFlowTestsOnSqlServer() : SubscriptionFlowTests(DatabaseProvider.SqlServer);
