using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>
/// Kestrel on 127.0.0.1:0 serving in-memory documents, with ETag/If-None-Match (304), optional failures, and a log of
/// every request and its status so tests can assert what the crawler did.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string ContentType, string Body, int Status)> _routes = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new();

    private LoopbackHttpServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    /// <summary>Every request served: path, If-None-Match header, status code.</summary>
    public ConcurrentQueue<(string Path, string? IfNoneMatch, int Status)> Requests { get; } = new();

    public static async Task<LoopbackHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackHttpServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackHttpServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> (with an ETag derived from the body).</summary>
    public void Serve(string path, string contentType, string body, int status = 200) => _routes[path] = (contentType, body, status);

    /// <summary>Answers <paramref name="path"/> with custom code (compression, delays, redirects, headers).</summary>
    public void Map(string path, Func<HttpContext, Task> handler) => _handlers[path] = handler;

    public Uri Url(string path) => new(BaseUri, path.TrimStart('/'));

    public int CountStatus(string path, int status) => Requests.Count(r => r.Path == path && r.Status == status);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
        if (_handlers.TryGetValue(path, out var handler))
        {
            await handler(context);
            Requests.Enqueue((path, ifNoneMatch, context.Response.StatusCode));
            return;
        }

        if (!_routes.TryGetValue(path, out var route))
        {
            Requests.Enqueue((path, ifNoneMatch, 404));
            context.Response.StatusCode = 404;
            return;
        }

        if (route.Status != 200)
        {
            Requests.Enqueue((path, ifNoneMatch, route.Status));
            context.Response.StatusCode = route.Status;
            return;
        }

        var etag = $"\"{(uint)route.Body.GetHashCode(StringComparison.Ordinal):x8}\"";
        if (ifNoneMatch == etag)
        {
            Requests.Enqueue((path, ifNoneMatch, 304));
            context.Response.StatusCode = 304;
            return;
        }

        Requests.Enqueue((path, ifNoneMatch, 200));
        context.Response.Headers.ETag = etag;
        context.Response.ContentType = contentType(route.ContentType);
        await context.Response.WriteAsync(route.Body);

        static string contentType(string value) => value.Contains("charset", StringComparison.Ordinal) ? value : value + "; charset=utf-8";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
