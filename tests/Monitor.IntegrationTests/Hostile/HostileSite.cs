using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitor.IntegrationTests.Hostile;

/// <summary>
/// A Kestrel server on 127.0.0.1:0 that misbehaves on purpose, one route per <see cref="HostileCase"/>: slow, huge,
/// compressed bombs, redirect games, XML attacks, deep and huge HTML, charset lies, error codes, resets, wrong types.
/// Every path it was asked for is recorded, so tests can assert what was (not) fetched.
/// </summary>
public sealed partial class HostileSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private HostileSite(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public int Port => BaseUri.Port;

    /// <summary>Every path requested.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<HostileSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MinResponseDataRate = null);
        var app = builder.Build();
        var site = new HostileSite(app);
        app.Run(site.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site.BaseUri = new Uri(address.TrimEnd('/') + "/");
        site.AddRoutes();
        return site;
    }

    public Uri Url(string id) => new(BaseUri, id);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value?.TrimStart('/') ?? string.Empty;
        Requests.Enqueue(path);
        if (_routes.TryGetValue(path, out var route))
        {
            await route(context);
        }
        else if (path.StartsWith("articles/", StringComparison.Ordinal))
        {
            await Send(context, "text/html; charset=utf-8", Article(path));
        }
        else if (path == "robots.txt")
        {
            await Send(context, "text/plain", "User-agent: *\nDisallow: /robots-disallowed\n");
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private void Route(string id, Func<HttpContext, Task> handler) => _routes[id] = handler;

    private void Serve(string id, string contentType, string body) => Route(id, c => Send(c, contentType, body));

    private void Serve(string id, string contentType, byte[] body) => Route(id, c => Send(c, contentType, body));

    private void Redirect(string id, string location) => Route(id, c =>
    {
        c.Response.StatusCode = 302;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    private void Status(string id, int status, string? retryAfter = null) => Route(id, c =>
    {
        c.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            c.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    });

    private static Task Send(HttpContext context, string contentType, string body) => Send(context, contentType, Encoding.UTF8.GetBytes(body));

    private static async Task Send(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    /// <summary>A small RSS feed whose items link to distinct article pages of this site.</summary>
    public static string Feed(string id, int items = 2, string? title = null, string? declaration = "utf-8") =>
        (declaration is null ? "" : $"<?xml version=\"1.0\" encoding=\"{declaration}\"?>") +
        $"<rss version=\"2.0\"><channel><title>{id}</title><link>/</link><description>hostile suite</description>" +
        string.Concat(Enumerable.Range(1, items).Select(i =>
            $"<item><title>{title ?? "Government announces national AI strategy and sovereign language model"} ({id} {i})</title>" +
            $"<link>/articles/{id}-{i}.html</link><guid isPermaLink=\"false\">{id}-{i}</guid><pubDate>Fri, 20 Nov 2026 08:30:00 +0000</pubDate>" +
            $"<description>The ministry published its national artificial intelligence strategy, with funding for a sovereign large language model ({id}).</description></item>")) +
        "</channel></rss>";

    private static string Article(string path) =>
        $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{path}</title></head><body><main><article><h1>National AI strategy</h1>" +
        "<p>The government published its national artificial intelligence strategy today, with funding for a sovereign large language model, " +
        "a national computing centre and new rules for general-purpose AI models.</p></article></main></body></html>";

    /// <summary>Zeros compressed: a few hundred KB that inflate to <paramref name="megabytes"/> MB.</summary>
    private static byte[] Bomb(int megabytes, bool brotli)
    {
        using var buffer = new MemoryStream();
        using (Stream compressor = brotli ? new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < megabytes; i++)
            {
                compressor.Write(zeros);
            }
        }

        return buffer.ToArray();
    }
}
