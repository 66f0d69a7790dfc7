using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitor.IntegrationTests.Cluster;

/// <summary>
/// A loopback farm of RSS feeds for the replica tests (Kestrel on 127.0.0.1:0). Each round adds one item to every feed;
/// the items of one round in the feeds of one group (feed number modulo <see cref="Groups"/>) are reports of one story
/// (the same words in other orders and with the outlet's name), so replicas crawling different feeds at once race to
/// file them. Every feed request is logged with its time and the crawler's User-Agent; feeds answer 304 to their
/// ETag. Invented content, written for these tests.
/// </summary>
public sealed class ClusterFarm : IAsyncDisposable
{
    /// <summary>Story groups per round.</summary>
    public const int Groups = 20;

    private readonly WebApplication _app;
    private readonly List<string>[] _items;
    private readonly int[] _versions;
    private readonly Lock _lock = new();

    private ClusterFarm(WebApplication app, int feeds, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
        _items = Enumerable.Range(0, feeds).Select(_ => new List<string>()).ToArray();
        _versions = new int[feeds];
    }

    public Uri BaseUri { get; }

    public int FeedCount => _items.Length;

    /// <summary>Rounds added so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Every feed request: feed number, arrival time (UTC), User-Agent, status.</summary>
    public ConcurrentQueue<(int Feed, DateTime At, string Agent, int Status)> Requests { get; } = new();

    public static async Task<ClusterFarm> StartAsync(int feeds)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        ClusterFarm? farm = null;
        app.Run(context => farm!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        farm = new ClusterFarm(app, feeds, new Uri(address.TrimEnd('/') + "/"));
        return farm;
    }

    public Uri FeedUrl(int feed) => new(BaseUri, $"feeds/{feed}.xml");

    /// <summary>The link of feed <paramref name="feed"/>'s item of round <paramref name="round"/>.</summary>
    public Uri ItemUrl(int feed, int round) => new(BaseUri, $"items/{feed}/{round}.html");

    /// <summary>Adds one item to every feed (a new ETag each).</summary>
    public void AddRound()
    {
        lock (_lock)
        {
            var round = Rounds;
            for (var f = 0; f < _items.Length; f++)
            {
                _items[f].Add(ItemXml(f, round));
                if (_items[f].Count > 40)
                {
                    _items[f].RemoveAt(0);
                }

                _versions[f]++;
            }

            Rounds++;
        }
    }

    /// <summary>Every item URL added so far.</summary>
    public IEnumerable<string> AllItemUrls() =>
        Enumerable.Range(0, Rounds).SelectMany(r => Enumerable.Range(0, _items.Length).Select(f => ItemUrl(f, r).AbsoluteUri));

    /// <summary>The story of an item URL: (round, group).</summary>
    public static (int Round, int Group) StoryOf(string itemUrl)
    {
        var parts = new Uri(itemUrl).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var feed = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var round = int.Parse(parts[2].Replace(".html", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (round, feed % Groups);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var parts = (context.Request.Path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && parts[0] == "feeds" && int.TryParse(parts[1].Replace(".xml", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var feed) && feed < _items.Length)
        {
            string body;
            string etag;
            lock (_lock)
            {
                etag = $"\"f{feed}-v{_versions[feed]}\"";
                body = Feed(feed);
            }

            var status = context.Request.Headers.IfNoneMatch.ToString() == etag ? 304 : 200;
            Requests.Enqueue((feed, DateTime.UtcNow, context.Request.Headers.UserAgent.ToString(), status));
            context.Response.StatusCode = status;
            if (status == 200)
            {
                context.Response.Headers.ETag = etag;
                context.Response.ContentType = "application/rss+xml; charset=utf-8";
                await context.Response.WriteAsync(body);
            }

            return;
        }

        context.Response.StatusCode = parts.Length > 0 && parts[0] == "robots.txt" ? 200 : 404;
    }

    private string Feed(int feed) =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Outlet {feed}</title><link>{BaseUri}</link><description>farm</description>{string.Concat(_items[feed])}</channel></rss>""";

    private string ItemXml(int feed, int round)
    {
        var words = StoryWords(round, feed % Groups);
        var order = (feed / Groups) % 3;
        var title = order switch
        {
            0 => $"National AI strategy: {words[0]} {words[1]} {words[2]} {words[3]} sovereign language model {words[4]}",
            1 => $"National AI strategy: {words[0]} {words[1]} {words[2]} {words[3]} sovereign language model {words[4]} announced",
            _ => $"National AI strategy: {words[0]} {words[1]} {words[2]} {words[3]} sovereign language model {words[4]} today",
        };
        var text = $"Sovereign AI: the national artificial intelligence strategy funds {string.Join(' ', words)}. {string.Join(' ', words.Reverse())}. {string.Join(' ', words.Skip(4).Concat(words.Take(4)))}.";
        var date = DateTime.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        return $"<item><title>{SecurityElement.Escape(title)}</title><link>{ItemUrl(feed, round)}</link><guid isPermaLink=\"false\">f{feed}-r{round}</guid><pubDate>{date}</pubDate><description>{SecurityElement.Escape(text)}</description></item>";
    }

    // Eight invented words for story (round, group): different stories share none of them.
    private static string[] StoryWords(int round, int group)
    {
        var random = new Random((round * 1000) + group + 1);
        var syllables = new[] { "ka", "lo", "mi", "ra", "ten", "vo", "shi", "dar", "ne", "pu", "sol", "gri", "ta", "ven", "mo", "ru", "bel", "qui" };
        var word = new StringBuilder();
        var words = new string[8];
        for (var i = 0; i < words.Length; i++)
        {
            word.Clear();
            for (var s = 0; s < 4; s++)
            {
                word.Append(syllables[random.Next(syllables.Length)]);
            }

            words[i] = word.ToString();
        }

        return words;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
