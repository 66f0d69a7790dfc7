using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Fetching;

namespace Monitor.IntegrationTests;

/// <summary>The fetcher against a real Kestrel server: compression, limits, timeouts, rate limits, validators, UA.</summary>
public sealed class PageFetcherTests : IAsyncLifetime
{
    private const string Body = "<rss version=\"2.0\"><channel><title>Compressed 日本語</title></channel></rss>";
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _env.WriteSources("sources: []\n");
        _env.Settings["Monitor:Crawling:TimeoutSeconds"] = "1";
        _env.Settings["Monitor:Crawling:MaxBodyBytes"] = "4096";
        _host = await _env.StartHostAsync();
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task DecompressesEveryEncodingItAdvertises(string encoding)
    {
        string? acceptEncoding = null;
        _web.Map("/feed", async context =>
        {
            acceptEncoding = context.Request.Headers.AcceptEncoding;
            context.Response.Headers.ContentEncoding = encoding;
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.Body.WriteAsync(Compress(Encoding.UTF8.GetBytes(Body), encoding));
        });

        var result = Assert.IsType<FetchResult.Ok>(await Fetch("/feed"));

        Assert.Equal(Body, Encoding.UTF8.GetString(result.Body));
        Assert.Equal("utf-8", result.Charset);
        Assert.Contains(encoding, acceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendsTheNamedUserAgentAndValidators()
    {
        string? userAgent = null;
        string? ifModifiedSince = null;
        string? ifNoneMatch = null;
        _web.Map("/page", context =>
        {
            userAgent = context.Request.Headers.UserAgent;
            ifModifiedSince = context.Request.Headers.IfModifiedSince;
            ifNoneMatch = context.Request.Headers.IfNoneMatch;
            context.Response.StatusCode = 304;
            return Task.CompletedTask;
        });

        var result = await _host.Services.GetRequiredService<PageFetcher>()
            .FetchAsync(_web.Url("/page"), new FetchValidators("\"v1\"", "Fri, 20 Nov 2026 08:00:00 GMT"), CancellationToken.None);

        Assert.IsType<FetchResult.NotModified>(result);
        Assert.StartsWith("MonitorBot/", userAgent, StringComparison.Ordinal);
        Assert.Equal("\"v1\"", ifNoneMatch);
        Assert.Equal("Fri, 20 Nov 2026 08:00:00 GMT", ifModifiedSince);
    }

    [Fact]
    public async Task RefusesBodiesOverTheLimitEvenWithoutContentLength()
    {
        _web.Map("/huge", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.WriteAsync(new string('x', 1000));
                await context.Response.Body.FlushAsync();
            }
        });

        var failed = Assert.IsType<FetchResult.Failed>(await Fetch("/huge"));
        Assert.Contains("exceeds the limit of 4096", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowServerIsATimeoutValueNotAnException()
    {
        _web.Map("/slow", async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        });

        var failed = Assert.IsType<FetchResult.Failed>(await Fetch("/slow"));
        Assert.Contains("timed out after 1 s", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequestsCarriesRetryAfter()
    {
        _web.Map("/limited", context =>
        {
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "120";
            return Task.CompletedTask;
        });

        var limited = Assert.IsType<FetchResult.RateLimited>(await Fetch("/limited"));
        Assert.Equal(TimeSpan.FromSeconds(120), limited.RetryAfter);
    }

    [Fact]
    public async Task FollowsRedirectsAndReportsTheFinalUrl()
    {
        _web.Map("/old", context =>
        {
            context.Response.StatusCode = (int)HttpStatusCode.MovedPermanently;
            context.Response.Headers.Location = "/new";
            return Task.CompletedTask;
        });
        _web.Serve("/new", "text/html", "<html><body>moved</body></html>");

        var ok = Assert.IsType<FetchResult.Ok>(await Fetch("/old"));
        Assert.EndsWith("/new", ok.FinalUri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ObeysRobotsTxtForItsUserAgent()
    {
        _web.Serve("/robots.txt", "text/plain", "User-agent: MonitorBot\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n");
        _web.Serve("/private/feed.xml", "application/rss+xml", Body);
        _web.Serve("/public/feed.xml", "application/rss+xml", Body);

        var refused = Assert.IsType<FetchResult.Failed>(await Fetch("/private/feed.xml"));
        Assert.IsType<FetchResult.Ok>(await Fetch("/public/feed.xml"));

        Assert.Contains("disallowed by", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _web.CountStatus("/private/feed.xml", 200));
        Assert.Equal(1, _web.Requests.Count(r => r.Path == "/robots.txt"));
    }

    private Task<FetchResult> Fetch(string path) =>
        _host.Services.GetRequiredService<PageFetcher>().FetchAsync(_web.Url(path), null, CancellationToken.None);

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
