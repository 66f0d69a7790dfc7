using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Monitor.Worker.Crawling.Benchmark;

/// <summary>
/// The benchmark's web: <c>feeds</c> RSS feeds of <c>items</c> items each, spread over <c>hosts</c> loopback addresses
/// (127.0.0.2, 127.0.0.3, ...; Linux routes all of 127.0.0.0/8 to the loopback interface), each item's page behind its
/// link and a robots.txt per host. Bodies are generated and gzip-compressed before a pass; feeds answer
/// If-None-Match/If-Modified-Since with 304. Every request is counted by kind, with the bytes sent.
/// </summary>
internal sealed class LoopbackFarm : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _items;
    private readonly byte[][] _feeds;
    private readonly int[] _versions;
    private readonly int[] _extra;
    private readonly byte[]?[][] _articles;
    private readonly List<Uri> _hosts;
    private long _feedOk;
    private long _feedNotModified;
    private long _articlesServed;
    private long _robots;
    private long _other;
    private long _bytes;

    private LoopbackFarm(WebApplication app, int feeds, int items, List<Uri> hosts)
    {
        _app = app;
        _items = items;
        _hosts = hosts;
        _feeds = new byte[feeds][];
        _versions = new int[feeds];
        _extra = new int[feeds];
        _articles = new byte[]?[feeds][];
        Parallel.For(0, feeds, f =>
        {
            _articles[f] = new byte[]?[items + 8];
            for (var j = 0; j < items; j++)
            {
                _articles[f][j] = Gzip(ArticleHtml(f, j));
            }

            _feeds[f] = Gzip(FeedXml(f));
        });
    }

    /// <summary>The number of feeds.</summary>
    public int FeedCount => _feeds.Length;

    /// <summary>Starts the farm on <paramref name="hosts"/> loopback addresses (ports chosen by the system).</summary>
    public static async Task<LoopbackFarm> StartAsync(int feeds, int items, int hosts)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Cli.MonitorHost.NoFileWatching });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            for (var h = 0; h < hosts; h++)
            {
                k.Listen(IPAddress.Parse($"127.0.0.{h + 2}"), 0);
            }
        });
        var app = builder.Build();
        LoopbackFarm? farm = null;
        app.Run(context => farm!.HandleAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a.TrimEnd('/') + "/"))
            .OrderBy(u => IPAddress.Parse(u.Host).GetAddressBytes()[3])
            .ToList();
        farm = new LoopbackFarm(app, feeds, items, addresses);
        return farm;
    }

    /// <summary>The URL of feed <paramref name="feed"/>.</summary>
    public Uri FeedUrl(int feed) => new(_hosts[feed % _hosts.Count], $"feeds/{feed}.xml");

    /// <summary>The URL of item <paramref name="item"/> of feed <paramref name="feed"/>.</summary>
    public Uri ArticleUrl(int feed, int item) => new(_hosts[feed % _hosts.Count], $"articles/{feed}/{item}.html");

    /// <summary>Every item URL the feeds carry now.</summary>
    public IEnumerable<Uri> AllArticleUrls() =>
        Enumerable.Range(0, _feeds.Length).SelectMany(f => Enumerable.Range(0, _items + _extra[f]).Select(j => ArticleUrl(f, j)));

    /// <summary>Adds one new item to every <paramref name="every"/>-th feed (a new ETag and Last-Modified); the number changed.</summary>
    public int AddOneItemToEvery(int every)
    {
        var changed = 0;
        for (var f = 0; f < _feeds.Length; f += every)
        {
            var j = _items + _extra[f];
            _articles[f][j] = Gzip(ArticleHtml(f, j));
            _extra[f]++;
            _versions[f]++;
            _feeds[f] = Gzip(FeedXml(f));
            changed++;
        }

        return changed;
    }

    /// <summary>The counters so far.</summary>
    public FarmCounters Counters => new(
        Interlocked.Read(ref _feedOk), Interlocked.Read(ref _feedNotModified), Interlocked.Read(ref _articlesServed),
        Interlocked.Read(ref _robots), Interlocked.Read(ref _other), Interlocked.Read(ref _bytes));

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path == "/robots.txt")
        {
            Interlocked.Increment(ref _robots);
            return SendAsync(context, "text/plain", Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /private/\n"), compressed: false);
        }

        if (parts.Length == 2 && parts[0] == "feeds" && int.TryParse(parts[1].Replace(".xml", "", StringComparison.Ordinal), out var feed) && feed < _feeds.Length)
        {
            var etag = $"\"f{feed}-v{_versions[feed]}\"";
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref _feedNotModified);
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            Interlocked.Increment(ref _feedOk);
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = Modified(feed, _versions[feed]).ToString("R", CultureInfo.InvariantCulture);
            return SendAsync(context, "application/rss+xml; charset=utf-8", _feeds[feed], compressed: true);
        }

        if (parts.Length == 3 && parts[0] == "articles" && int.TryParse(parts[1], out var f) && f < _feeds.Length
            && int.TryParse(parts[2].Replace(".html", "", StringComparison.Ordinal), out var j) && j < _articles[f].Length && _articles[f][j] is { } page)
        {
            Interlocked.Increment(ref _articlesServed);
            return SendAsync(context, "text/html; charset=utf-8", page, compressed: true);
        }

        Interlocked.Increment(ref _other);
        context.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private async Task SendAsync(HttpContext context, string contentType, byte[] body, bool compressed)
    {
        context.Response.ContentType = contentType;
        if (compressed && context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.ContentEncoding = "gzip";
        }
        else if (compressed)
        {
            body = Gunzip(body);
        }

        context.Response.ContentLength = body.Length;
        Interlocked.Add(ref _bytes, body.Length);
        await context.Response.Body.WriteAsync(body);
    }

    private static DateTimeOffset Modified(int feed, int version) => new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(version).AddSeconds(feed % 3600);

    private string FeedXml(int feed)
    {
        var xml = new StringBuilder(_items * 2200);
        xml.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel>")
            .Append(CultureInfo.InvariantCulture, $"<title>Farm feed {feed}</title><link>{_hosts[feed % _hosts.Count]}</link><description>Benchmark feed</description>");
        var count = _items + _extra[feed];
        for (var j = count - 1; j >= 0; j--)
        {
            var published = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddMinutes(-(j * 37) - feed);
            xml.Append("<item><title>").Append(SecurityElement.Escape(FarmText.Title(feed, j))).Append("</title>")
                .Append("<link>").Append(ArticleUrl(feed, j)).Append("</link>")
                .Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">farm-{feed}-{j}</guid>")
                .Append("<pubDate>").Append(published.ToString("R", CultureInfo.InvariantCulture)).Append("</pubDate>")
                .Append("<description>").Append(SecurityElement.Escape(string.Join("\n\n", FarmText.Paragraphs(feed, j)))).Append("</description></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }

    private string ArticleHtml(int feed, int item)
    {
        var title = SecurityElement.Escape(FarmText.Title(feed, item));
        var html = new StringBuilder(3000);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append(" | Farm</title>")
            .Append("<meta property=\"article:published_time\" content=\"2026-11-19T09:00:00Z\"></head><body>")
            .Append("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/about\">About</a></nav><main><article><h1>")
            .Append(title).Append("</h1>");
        foreach (var paragraph in FarmText.Paragraphs(feed, item))
        {
            html.Append("<p>").Append(SecurityElement.Escape(paragraph)).Append("</p>");
        }

        return html.Append("</article></main><footer>Farm ").Append(_hosts[feed % _hosts.Count].Host).Append("</footer></body></html>").ToString();
    }

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] body)
    {
        using var input = new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
