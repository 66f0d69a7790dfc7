using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests;

public abstract class CrawlPipelineTests(DatabaseProvider provider) : IAsyncLifetime
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
        _env.AddSubscriber(1, "eu-watcher@example.org", countries: "EU");

        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("w-1", "Japan releases a national large language model for public services", "/news/japan-llm.html?utm_source=rss", "Fri, 20 Nov 2026 08:30:00 +0900",
                "Japan's digital ministry released a domestic large language model trained on Japanese government data."),
            ("w-2", "Falcon 9 launches 24 satellites", "/news/falcon.html", "Thu, 19 Nov 2026 22:15:00 +0000",
                "A Falcon 9 rocket lifted off carrying 24 communications satellites; the first stage landed on a drone ship."),
            ("w-3", "European Commission publishes guidelines for general-purpose AI models under the AI Act", "/news/eu-gpai.html", "Wed, 18 Nov 2026 10:00:00 +0100",
                "The AI Office published guidelines on the obligations of providers of general-purpose AI models under the AI Act.")));
        _web.Serve("/news/japan-llm.html", "text/html", Fixtures.Article("Japan releases a national large language model for public services", "2026-11-20T08:30:00+09:00",
            "Japan's Digital Agency released a domestic large language model trained on Japanese government documents, to be used in public services.",
            "The government said the sovereign AI model will be offered to ministries and local governments next year."));
        _web.Serve("/news/falcon.html", "text/html", Fixtures.Article("Falcon 9 launches 24 satellites", "2026-11-19T22:15:00Z",
            "A Falcon 9 rocket lifted off on Wednesday evening carrying 24 communications satellites.", "The first stage landed on a drone ship in the Atlantic."));
        _web.Serve("/news/eu-gpai.html", "text/html", Fixtures.Article("European Commission publishes guidelines for general-purpose AI models under the AI Act", "2026-11-18T10:00:00+01:00",
            "The European AI Office published guidelines clarifying the obligations of providers of general-purpose AI models under the AI Act.",
            "The obligations apply from August; the Commission will enforce them from the following year."));
        _web.Serve("/press/", "text/html", Fixtures.Listing(
            ("/press/ai-basic-act.html", "Enforcement decree of the AI Basic Act finalised", "2026-11-17"),
            ("/press/fisheries.html", "Fishing quotas agreed for 2027", "2026-11-16")));
        _web.Serve("/press/ai-basic-act.html", "text/html", Fixtures.Article("Enforcement decree of the AI Basic Act finalised", "2026-11-17T09:00:00+09:00",
            "The Ministry of Science and ICT finalised the enforcement decree of Korea's AI Basic Act, which regulates high-impact artificial intelligence.",
            "The decree requires labelling of generative AI content and sets duties for providers of high-impact AI systems."));
        _web.Serve("/press/fisheries.html", "text/html", Fixtures.Article("Fishing quotas agreed for 2027", "2026-11-16T09:00:00+09:00",
            "Ministers agreed on the catches for the main commercial fish stocks for 2027.", "The agreement follows scientific advice."));

        _env.WriteSources($"""
            sources:
              - id: wire
                name: Policy Wire
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: US
                language: en
              - id: ministry
                name: Ministry of Science and ICT
                url: {_web.Url("/press/")}
                kind: listing
                country: KR
                language: en
                timezone: Asia/Seoul
                selectors:
                  item: li.news-item
                  link: a.title
                  date: .date
            """);
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _smtp.DisposeAsync();
        _env.Dispose();
    }

    [SkippableFact]
    public async Task CrawlsClassifiesAndSendsEachDigestOnceHonouringNotModified()
    {
        using var host = await _env.StartHostAsync();
        var crawl = host.Services.GetRequiredService<CrawlRunner>();
        var digest = host.Services.GetRequiredService<DigestRunner>();

        var first = await crawl.RunAsync(null, force: false, CancellationToken.None);
        Assert.All(first, o => Assert.Equal("ok", o.Status));
        Assert.Equal(3, first.Single(o => o.SourceId == "wire").ItemsNew);
        Assert.Equal(2, first.Single(o => o.SourceId == "ministry").ItemsNew);

        // The pass has ended: the archive lists every relevant announcement it stored (SQLite holds the rows back until then).
        await using (var db = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext())
        {
            var relevant = await db.Announcements.Where(a => a.Relevant).Select(a => a.Id).OrderBy(id => id).ToListAsync();
            Assert.Equal(3, relevant.Count);
            Assert.Equal(relevant, await db.ArchiveTerms.Where(t => t.Term == Monitor.Worker.Archive.ArchiveTerms.All).Select(t => t.AnnouncementId).OrderBy(id => id).ToListAsync());
        }

        var report = await digest.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
        Assert.Equal(["sent", "sent"], report.Results.Select(r => r.Status).ToArray());
        var messages = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);

        var analyst = messages.Single(m => m.To.Mailboxes.Single().Address == "analyst@example.org");
        var text = analyst.TextBody!;
        Assert.Contains("Japan releases a national large language model", text, StringComparison.Ordinal);
        Assert.Contains("general-purpose AI models under the AI Act", text, StringComparison.Ordinal);
        Assert.Contains("Enforcement decree of the AI Basic Act finalised", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Falcon 9", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Fishing quotas", text, StringComparison.Ordinal);
        var byCountry = text.Split('\n').Single(l => l.StartsWith("By country:", StringComparison.Ordinal));
        Assert.Contains("Japan", byCountry, StringComparison.Ordinal);
        Assert.Contains("South Korea", byCountry, StringComparison.Ordinal);
        Assert.Contains("European Union", byCountry, StringComparison.Ordinal);
        Assert.Contains("== Regulation ==", text, StringComparison.Ordinal);
        Assert.Contains("Why it matched:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("learned:", text, StringComparison.Ordinal);
        Assert.Contains("Enforcement decree of the AI Basic Act finalised", analyst.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/news/japan-llm.html", text, StringComparison.Ordinal);
        Assert.DoesNotContain("utm_source", text, StringComparison.Ordinal);

        var euOnly = messages.Single(m => m.To.Mailboxes.Single().Address == "eu-watcher@example.org").TextBody;
        Assert.Contains("general-purpose AI models under the AI Act", euOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("AI Basic Act", euOnly, StringComparison.Ordinal);

        // Second pass: both documents answer 304 to the validators kept from the first, and nothing is sent again.
        var second = await crawl.RunAsync(null, force: false, CancellationToken.None);
        Assert.All(second, o => Assert.Equal("not-modified", o.Status));
        Assert.Equal(1, _web.CountStatus("/feed.xml", 304));
        Assert.Equal(1, _web.CountStatus("/press/", 304));
        Assert.Equal(1, _web.CountStatus("/news/japan-llm.html", 200));

        var again = await digest.RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);
        Assert.All(again.Results, r => Assert.Equal("already-sent", r.Status));
        await Task.Delay(300);
        Assert.Equal(2, _smtp.Messages.Count);
    }

    [SkippableFact]
    public async Task AnnouncementArrivingAfterTheDigestGoesIntoTheNextPeriodOnly()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var host = MonitorHost.CreateOneShot(_env.Paths, overrides: _env.Settings, services: s => s.AddSingleton<TimeProvider>(clock));
        await MonitorHost.PrepareDatabaseAsync(host, CancellationToken.None);
        var crawl = host.Services.GetRequiredService<CrawlRunner>();
        var digest = host.Services.GetRequiredService<DigestRunner>();

        await crawl.RunAsync("wire", force: true, CancellationToken.None);
        await digest.RunAsync(false, "analyst@example.org", CancellationToken.None);

        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(
            ("w-4", "Korea selects consortia for its sovereign AI foundation model", "/news/korea-model.html", "Fri, 20 Nov 2026 12:00:00 +0900",
                "The Ministry of Science and ICT selected three consortia to build a Korean sovereign large language model.")));
        _web.Serve("/news/korea-model.html", "text/html", Fixtures.Article("Korea selects consortia for its sovereign AI foundation model", "2026-11-20T12:00:00+09:00",
            "The Ministry of Science and ICT selected three consortia to build a Korean sovereign AI foundation model, a large language model for Korean."));
        await crawl.RunAsync("wire", force: true, CancellationToken.None);

        var samePeriod = await digest.RunAsync(false, "analyst@example.org", CancellationToken.None);
        Assert.Equal("already-sent", samePeriod.Results.Single().Status);

        clock.Advance(TimeSpan.FromDays(1));
        var nextPeriod = await digest.RunAsync(false, "analyst@example.org", CancellationToken.None);
        Assert.Equal("sent", nextPeriod.Results.Single().Status);
        var messages = await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, messages.Count);
        Assert.Contains("Korea selects consortia", messages[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Japan releases", messages[1].TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task FailingSourceIsRecordedAndDoesNotStopTheOthers()
    {
        _web.Serve("/press/", "text/html", "", status: 500);
        using var host = await _env.StartHostAsync();

        var outcomes = await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);

        Assert.Equal("ok", outcomes.Single(o => o.SourceId == "wire").Status);
        var failed = outcomes.Single(o => o.SourceId == "ministry");
        Assert.Equal("failed", failed.Status);
        Assert.Contains("500", failed.Message, StringComparison.Ordinal);

        await using var db = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext();
        var state = await db.SourceStates.SingleAsync(s => s.SourceId == "ministry");
        Assert.Equal(1, state.ConsecutiveFailures);
        Assert.Contains("500", state.LastError, StringComparison.Ordinal);
        Assert.NotNull(state.NextAttemptAt);
        Assert.Equal(3, await db.Announcements.CountAsync(a => a.SourceId == "wire"));

        // Backing off: a scheduled pass skips the source instead of hammering it.
        var next = await host.Services.GetRequiredService<CrawlRunner>().RunAsync("ministry", force: false, CancellationToken.None);
        Assert.Equal("skipped", next.Single().Status);
    }

    [SkippableFact]
    public async Task ItemWhosePageFailsKeepsTheFeedsData()
    {
        _web.Serve("/news/japan-llm.html", "text/html", "", status: 404);
        using var host = await _env.StartHostAsync();

        var outcome = (await host.Services.GetRequiredService<CrawlRunner>().RunAsync("wire", force: true, CancellationToken.None)).Single();

        Assert.Equal("ok", outcome.Status);
        await using var db = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext();
        var stored = await db.Announcements.SingleAsync(a => a.CanonicalUrl.EndsWith("/news/japan-llm.html"));
        Assert.Equal("Japan releases a national large language model for public services", stored.Title);
        Assert.StartsWith("Japan's digital ministry released a domestic large language model", stored.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 11, 19, 23, 30, 0, DateTimeKind.Utc), stored.PublishedAt);
        Assert.True(stored.Relevant);
    }

    [SkippableFact]
    public async Task EnabledLlmRefinerGivesSecondOpinionsFromAnOpenAiCompatibleEndpoint()
    {
        var asked = 0;
        _web.Map("/v1/chat/completions", async context =>
        {
            Interlocked.Increment(ref asked);
            context.Response.ContentType = "application/json";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, System.Text.Json.JsonSerializer.Serialize(new
            {
                id = "chatcmpl-1",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = "fake",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"relevant\": false, \"topics\": []}" }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 1, completion_tokens = 1, total_tokens = 2 },
            }));
        });
        _env.Settings["Monitor:Classification:Llm:Enabled"] = "true";
        _env.Settings["Monitor:Classification:Llm:Endpoint"] = _web.Url("/v1/").AbsoluteUri;
        _env.Settings["Monitor:Classification:Llm:ApiKey"] = "test";
        _env.Settings["Monitor:Classification:Llm:Model"] = "fake";
        _env.Settings["Monitor:Classification:Llm:Band"] = "1.0";
        using var host = await _env.StartHostAsync();

        await host.Services.GetRequiredService<CrawlRunner>().RunAsync("wire", force: true, CancellationToken.None);

        Assert.Equal(3, asked);
        await using var db = host.Services.GetRequiredService<MonitorDbContextFactory>().CreateDbContext();
        var stored = await db.Announcements.ToListAsync();
        Assert.All(stored, a => Assert.False(a.Relevant));
        Assert.All(stored, a => Assert.Contains("llm: not relevant (fake)", a.Reasons, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task LiteralInternalAddressesOutsideTheAllowListStopStartWithTheSourceNamed()
    {
        _env.Settings.Remove("Monitor:Crawling:AllowedNetworks:0");

        var error = await Assert.ThrowsAsync<Monitor.Worker.Configuration.ConfigurationException>(() => _env.StartHostAsync());

        Assert.Contains("wire: url: '127.0.0.1' is an internal address", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside Monitor:Crawling:AllowedNetworks", error.Message, StringComparison.Ordinal);
        Assert.Empty(_web.Requests);
    }
}

/// <summary><see cref="CrawlPipelineTests"/> on SQLite.</summary>
public sealed class CrawlPipelineTestsOnSqlite() : CrawlPipelineTests(DatabaseProvider.Sqlite);

/// <summary><see cref="CrawlPipelineTests"/> on a real PostgreSQL server (MONITOR_TEST_POSTGRES).</summary>
public sealed class CrawlPipelineTestsOnPostgreSql() : CrawlPipelineTests(DatabaseProvider.PostgreSql);

/// <summary><see cref="CrawlPipelineTests"/> on a real SQL Server (MONITOR_TEST_SQLSERVER; skipped without it).</summary>
public sealed class CrawlPipelineTestsOnSqlServer() : CrawlPipelineTests(DatabaseProvider.SqlServer);
