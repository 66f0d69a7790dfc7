using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.IntegrationTests.Archive;

/// <summary>
/// One test's archive: the worker's web host on loopback with three configured sources (an official Korean ministry, an
/// official Japanese agency, a news wire) and announcements written straight into its database, each story as the test
/// says (so filters, paging and grouping can be checked against what was stored).
/// </summary>
public sealed class ArchiveWorld : IAsyncDisposable
{
    public static readonly DateTime Day = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private ArchiveWorld(TestEnvironment env, WebHost host)
    {
        Env = env;
        Host = host;
    }

    public TestEnvironment Env { get; }

    public WebHost Host { get; }

    /// <summary>Starts the worker; <paramref name="settings"/> are added to the test environment's.</summary>
    public static async Task<ArchiveWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var env = new TestEnvironment();
        env.WriteSources("""
            sources:
              - id: kr-msit
                name: Ministry of Science and ICT
                url: https://www.msit.go.kr/rss.xml
                kind: feed
                country: KR
                language: ko
                publisher: official
              - id: jp-digital
                name: Digital Agency
                url: https://www.digital.go.jp/rss/news.xml
                kind: feed
                country: JP
                language: ja
                publisher: official
              - id: news-wire
                name: Policy <b>Wire</b>
                url: https://wire.example.org/feed.xml
                kind: feed
                country: INT
                language: en
                publisher: news
            """);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            env.Settings[key] = value;
        }

        var host = await WebHost.StartAsync(env);
        return new ArchiveWorld(env, host);
    }

    /// <summary>Stores one story made of <paramref name="reports"/> (in one transaction, as the crawl would); returns their ids.</summary>
    public async Task<Story> AddStoryAsync(params Report[] reports)
    {
        var contexts = Host.Services.GetRequiredService<MonitorDbContextFactory>();
        await using var db = contexts.CreateDbContext();
        var story = new Story { Title = reports[0].Title, CreatedAt = reports.Min(r => r.Published) };
        foreach (var r in reports)
        {
            story.Announcements.Add(new Announcement
            {
                UrlHash = Hash(r.Url),
                CanonicalUrl = r.Url,
                SourceId = r.Source,
                ItemKeyHash = Hash("key:" + r.Url),
                Title = r.Title,
                Summary = r.Summary,
                Text = r.Summary,
                PublishedAt = r.Published,
                FetchedAt = r.Published.AddMinutes(30),
                Language = r.Language,
                Topics = r.Topics,
                Countries = r.Countries,
                Models = r.Models,
                Relevant = r.Relevant,
                Score = r.Relevant ? 0.9 : 0.2,
                Reasons = r.Reasons,
            });
        }

        db.Stories.Add(story);
        await db.SaveChangesAsync();
        return story;
    }

    /// <summary>GETs <paramref name="path"/>; the body as text.</summary>
    public Task<HttpResponseMessage> GetAsync(string path, Action<HttpRequestMessage>? request = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request?.Invoke(message);
        return Host.Client.SendAsync(message);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Env.Dispose();
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))).ToLowerInvariant();
}

/// <summary>One report to store: defaults make a relevant English news report about Korean regulation.</summary>
public sealed record Report(
    string Title,
    DateTime Published,
    string Source = "news-wire",
    string Topics = "regulation",
    string Countries = "KR",
    string Language = "en",
    bool Relevant = true,
    string Models = "",
    string? UrlSuffix = null,
    string Reasons = "context \"AI\"|topic:regulation \"enforcement decree\"|country:KR \"Korea\"")
{
    public string Summary { get; init; } = "A summary of: " + Title;

    public string Url => "https://example.org/" + Source + "/" + (UrlSuffix ?? Uri.EscapeDataString(Title.ToLowerInvariant().Replace(' ', '-')));
}
