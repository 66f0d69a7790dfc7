using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Monitor.Worker.Storage;
using Monitor.Worker.Subscriptions;

namespace Monitor.Worker.Web;

/// <summary>The worker's HTTP side: health endpoints, the subscription pages (Razor Pages under <c>Web/Pages</c>, one
/// layout, one stylesheet from <c>Web/Assets</c>), the RFC 8058 one-click address and the form rate limits.</summary>
public static class WebEndpoints
{
    /// <summary>Paths whose form posts count against the per-IP limit.</summary>
    private static readonly string[] LimitedPosts = ["/subscribe", "/confirm", "/manage", "/admin"];

    /// <summary>Registers the health checks (every host).</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>Registers the pages, antiforgery, request size limits and the form-post counter shared by every replica (the worker's web host).</summary>
    public static IHostApplicationBuilder AddWebPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                o.Conventions.AddPageRoute("/Archive/Story", "/reports/{report:long}");
            })
            .AddApplicationPart(typeof(WebEndpoints).Assembly);
        builder.AddArchivePages();
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "monitor.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.Configure<FormOptions>(o =>
        {
            o.ValueCountLimit = 400;
            o.ValueLengthLimit = 4096;
            o.KeyLengthLimit = 100;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 64 * 1024);
        builder.Services.TryAddSingleton<RequestCounter>();
        return builder;
    }

    /// <summary>Maps the security headers, the stylesheet, the per-IP form-post limit, the output cache, the pages (subscription,
    /// archive, status), the feeds, <c>/unsubscribe/one-click</c> and the health endpoints.</summary>
    public static WebApplication MapMonitorEndpoints(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebEndpoints).Assembly, "Monitor.Worker.Web.Assets"),
            RequestPath = "/assets",
        });
        app.Use(LimitFormPostsAsync);
        app.UseOutputCache();
        app.MapRazorPages();
        app.MapArchiveFeeds();
        app.MapPost("/unsubscribe/one-click", OneClickAsync).DisableAntiforgery();
        app.MapGet("/unsubscribe/one-click", (string? token) => Results.Redirect($"/unsubscribe?token={Uri.EscapeDataString(token ?? "")}"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    /// <summary>RFC 8058: a POST of <c>List-Unsubscribe=One-Click</c> to the link in the header unsubscribes at once, with no page.</summary>
    private static async Task<IResult> OneClickAsync(HttpContext context, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var token = context.Request.Query["token"].ToString();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(cancellationToken);
            if (form.TryGetValue("token", out var fromForm) && token.Length == 0)
            {
                token = fromForm.ToString();
            }
        }

        return await subscriptions.UnsubscribeAsync(token, cancellationToken)
            ? Results.Text("You are unsubscribed from Monitor digests.\n")
            : Results.Text("This unsubscribe link is not valid or has expired.\n", statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// The per-client limit on form posts (<see cref="SubscriptionOptions.RequestsPerIpPerHour"/>), counted in the database
    /// so that every replica shares it (<see cref="RequestCounter"/>). Past it: 429 with <c>Retry-After</c> (the seconds
    /// left in the hour) and a short page.
    /// </summary>
    private static async Task LimitFormPostsAsync(HttpContext context, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !LimitedPosts.Contains(context.Request.Path.Value?.TrimEnd('/').ToLowerInvariant()))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        var perHour = services.GetRequiredService<IOptions<SubscriptionOptions>>().Value.RequestsPerIpPerHour;
        var quota = await services.GetRequiredService<RequestCounter>()
            .TakeAsync("ip", RequestCounter.Client(context.Connection.RemoteIpAddress), perHour, context.RequestAborted);
        if (quota.Allowed)
        {
            await next(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(quota.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(TooManyRequestsPage, context.RequestAborted);
    }

    private const string TooManyRequestsPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Too many requests · Monitor</title><link rel="stylesheet" href="/assets/site.css"></head>
        <body><main id="main"><h1>Too many requests</h1>
        <p class="lead">Too many forms were sent from your network in the last hour. Please try again later.</p>
        <p><a href="/subscribe">Back to the subscribe page</a></p></main></body></html>
        """;
}
