using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;
using Monitor.Worker.Subscriptions;

namespace Monitor.IntegrationTests.Archive;

/// <summary>The status page at <c>/admin</c>: closed without the token, what it shows with it, and no secret in it.</summary>
public sealed class StatusPageTests
{
    private const string Token = "admin-token-4f9c2e7d1b";
    private const string SmtpPassword = "smtp-secret-8d1e";
    private const string LlmKey = "sk-llm-secret-77aa";

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Monitor:Web:AdminToken"] = Token,
        ["Monitor:Smtp:Host"] = "127.0.0.1",
        ["Monitor:Smtp:Port"] = "2525",
        ["Monitor:Smtp:Security"] = "None",
        ["Monitor:Smtp:UserName"] = "mailer",
        ["Monitor:Smtp:Password"] = SmtpPassword,
        ["Monitor:Classification:Llm:Enabled"] = "true",
        ["Monitor:Classification:Llm:Endpoint"] = "http://127.0.0.1:9/v1?api-key=" + LlmKey,
        ["Monitor:Classification:Llm:ApiKey"] = LlmKey,
    };

    [Fact]
    public async Task StatusPageIsRefusedWithoutTheTokenAndMissingWhenNoneIsSet()
    {
        await using var world = await ArchiveWorld.StartAsync(Settings());
        using var anonymous = await world.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var page = await anonymous.Content.ReadAsStringAsync();
        Assert.Contains("Admin token", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources (", page, StringComparison.Ordinal);

        using var wrong = await world.GetAsync("/admin", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var right = await world.GetAsync("/admin", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token));
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True(right.Headers.CacheControl!.NoStore);

        // The form: a wrong token is refused; the right one gives a session cookie that opens the page.
        using var refused = await world.Host.PostFormAsync("/admin", "/admin?handler=SignIn", [new("Token", "guess")]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("That token is not the one configured", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var signIn = await world.Host.PostFormAsync("/admin", "/admin?handler=SignIn", [new("Token", Token)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var session = await world.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);

        // A forged or foreign cookie opens nothing.
        world.Host.Cookies.Add(world.Host.BaseUri, new Cookie("monitor.admin", "forged", "/admin"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await world.GetAsync("/admin")).StatusCode);

        await using var closed = await ArchiveWorld.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await closed.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await closed.GetAsync("/admin", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ""))).StatusCode);
    }

    [Fact]
    public async Task StatusPageShowsSourcesAnnouncementsSubscribersDeliveriesAndNoSecret()
    {
        await using var world = await ArchiveWorld.StartAsync(Settings());
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day, Source: "kr-msit"));
        await world.AddStoryAsync(new Report("Typhoon makes landfall", ArchiveWorld.Day.AddHours(1), Relevant: false, Reasons: "", Topics: "", Countries: ""));
        var services = world.Host.Services;
        await using (var db = services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext())
        {
            db.SourceStates.Add(new SourceState { SourceId = "jp-digital", ConsecutiveFailures = 3, LastOutcome = "failed", LastError = "HTTP 503 <Service Unavailable>", LastAttemptAt = ArchiveWorld.Day, NextAttemptAt = ArchiveWorld.Day.AddMinutes(20) });
            db.SourceStates.Add(new SourceState { SourceId = "kr-msit", LastOutcome = "ok", LastSuccessAt = ArchiveWorld.Day, LastAttemptAt = ArchiveWorld.Day, ItemsStored = 12 });
            var active = new Subscriber { Email = "reader@example.org", EmailKey = "reader@example.org", Status = SubscriberStatus.Active, TokenStamp = SubscriberRules.NewStamp() };
            db.Subscribers.AddRange(active,
                new Subscriber { Email = "new@example.org", EmailKey = "new@example.org", Status = SubscriberStatus.Pending, TokenStamp = SubscriberRules.NewStamp() },
                new Subscriber { Email = "gone@example.org", EmailKey = "gone@example.org", Status = SubscriberStatus.Pending, TokenStamp = SubscriberRules.NewStamp() });
            await db.SaveChangesAsync();
            db.DigestDeliveries.AddRange(
                new DigestDelivery { SubscriberId = active.Id, PeriodKey = "daily:2026-11-19", State = DeliveryState.Sent, Attempts = 1, MessageId = "a@x", SentAt = ArchiveWorld.Day },
                new DigestDelivery { SubscriberId = active.Id, PeriodKey = "daily:2026-11-20", State = DeliveryState.Failed, Attempts = 2, MessageId = "b@x", LastError = "550 mailbox unavailable" });
            await db.SaveChangesAsync();
        }

        using var response = await world.GetAsync("/admin", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token));
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var sources = document.QuerySelectorAll("#sources ~ div tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, sources.Count);
        Assert.Contains("failing: 3 in a row, next try 2026-11-20 09:20 UTC", sources[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 503 <Service Unavailable>", sources[0], StringComparison.Ordinal);
        Assert.Contains(sources, s => s.Contains("healthy", StringComparison.Ordinal) && s.Contains("12", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Contains("not crawled yet", StringComparison.Ordinal));

        var announcements = document.QuerySelectorAll("#announcements ~ ol .report").Select(r => r.TextContent).ToList();
        Assert.Contains("not relevant (score 0.20, below the threshold", announcements[0], StringComparison.Ordinal);
        Assert.Contains("relevant (score 0.90", announcements[1], StringComparison.Ordinal);
        Assert.Contains("Regulation: “enforcement decree”", announcements[1], StringComparison.Ordinal);

        var subscribers = document.QuerySelectorAll("#subscribers ~ ul li").Select(l => l.TextContent).ToList();
        Assert.Equal(["active: 1", "pending: 2"], subscribers);
        Assert.Contains("550 mailbox unavailable", document.QuerySelector("#failures")!.NextElementSibling!.TextContent, StringComparison.Ordinal);
        Assert.Contains("daily:2026-11-19", document.QuerySelector("#deliveries")!.NextElementSibling!.TextContent, StringComparison.Ordinal);

        var configuration = document.QuerySelector("#configuration ~ dl")!.TextContent;
        Assert.Contains("127.0.0.1:2525 (None), login set, password set", configuration, StringComparison.Ordinal);
        Assert.Contains("key set", configuration, StringComparison.Ordinal);
        foreach (var secret in new[] { Token, SmtpPassword, LlmKey })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;Service Unavailable&gt;", html, StringComparison.Ordinal);
    }
}
