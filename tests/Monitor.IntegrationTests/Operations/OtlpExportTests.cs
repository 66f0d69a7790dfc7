using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;

namespace Monitor.IntegrationTests.Operations;

/// <summary>OTLP export to a collector on loopback (HTTP/protobuf): traces of a crawl and a digest run when tracing is
/// on, none when it is off (the default), and the metrics either way.</summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();
    private LoopbackHttpServer _collector = null!;
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _collector = await LoopbackHttpServer.StartAsync();
        foreach (var path in new[] { "/v1/traces", "/v1/metrics" })
        {
            _collector.Map(path, async context =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                _exports.Enqueue((path, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
            });
        }

        _web = await LoopbackHttpServer.StartAsync();
        _web.Serve("/feed.xml", "application/rss+xml", Fixtures.Rss(("t-1", "Korea passes its AI Basic Act", "/t1.html", "Fri, 20 Nov 2026 08:30:00 +0900", "The National Assembly passed the AI Basic Act.")));
        _env.WriteSources($"""
            sources:
              - id: traced
                url: {_web.Url("/feed.xml")}
                kind: feed
                country: KR
                language: en
            """);
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
        _env.Settings["Monitor:Observability:OtlpEndpoint"] = _collector.BaseUri.ToString();
        _env.Settings["Monitor:Observability:OtlpProtocol"] = "HttpProtobuf";
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        await _collector.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task TracesOfCrawlAndDigestRunsReachTheCollector()
    {
        _env.Settings["Monitor:Observability:Tracing"] = "true";

        await RunCrawlAndDigestAsync();

        var traces = Payload("/v1/traces");
        Assert.Contains("crawl pass", traces, StringComparison.Ordinal);
        Assert.Contains("crawl source", traces, StringComparison.Ordinal);
        Assert.Contains("digest run", traces, StringComparison.Ordinal);
        Assert.Contains("monitor.source", traces, StringComparison.Ordinal);
        Assert.Contains("monitor-worker", traces, StringComparison.Ordinal);
        Assert.Contains("monitor.items.new", Payload("/v1/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoTracesByDefault()
    {
        await RunCrawlAndDigestAsync();

        Assert.DoesNotContain(_exports, e => e.Path == "/v1/traces");
        Assert.Contains("monitor.fetches", Payload("/v1/metrics"), StringComparison.Ordinal);
    }

    private async Task RunCrawlAndDigestAsync()
    {
        var host = await WebHost.StartAsync(_env);
        await host.Services.GetRequiredService<CrawlRunner>().RunAsync(null, force: false, CancellationToken.None);
        await host.Services.GetRequiredService<DigestRunner>().RunAsync(dryRun: false, onlyTo: null, CancellationToken.None);

        // Stopping the host flushes both exporters.
        await host.DisposeAsync();
    }

    /// <summary>The protobuf bodies posted to <paramref name="path"/>, as text: span names, attribute keys and metric
    /// names are UTF-8 strings inside them.</summary>
    private string Payload(string path) => string.Concat(_exports.Where(e => e.Path == path).Select(e => Encoding.UTF8.GetString(e.Body)));
}
