using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Polly;
using Polly.Telemetry;

namespace Monitor.Worker.Fetching;

/// <summary>Registers the crawler's HTTP client.</summary>
public static class FetchingServiceCollectionExtensions
{
    /// <summary>Adds <see cref="PageFetcher"/> and its named, bounded <see cref="HttpClient"/>.</summary>
    public static IHostApplicationBuilder AddFetching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrawlingOptions>()
            .BindConfiguration(CrawlingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // A handled retry is not an error: resilience events go to the debug level; a failed source is logged once,
        // as a warning with its reason, by the crawler.
        builder.Services.Configure<TelemetryOptions>(o => o.SeverityProvider = _ => ResilienceEventSeverity.Debug);

        builder.Services.AddHttpClient(PageFetcher.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<CrawlingOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8");

                // PageFetcher applies the per-request timeout itself, so that a timeout is a value, not an exception.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var options = sp.GetRequiredService<IOptions<CrawlingOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,
                    // PageFetcher follows redirects itself, to refuse non-http(s) targets and downgrades with a reason.
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                    ConnectCallback = sp.GetRequiredService<AddressGuard>().ConnectCallback(),
                };
            })
            // PageFetcher and the crawler log every outcome once with the source; the factory's per-request scopes and
            // start/end lines cost more than a 304 itself on a pass over a thousand feeds.
            .RemoveAllLoggers()
            .AddResilienceHandler("crawler", pipeline =>
            {
                // One quick retry for network errors and 5xx only: never hammer a ministry's website.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 1,
                    Delay = TimeSpan.FromSeconds(1),
                    BackoffType = DelayBackoffType.Constant,
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Exception is HttpRequestException { InnerException: not BlockedAddressException }
                        || (args.Outcome.Result is { } r && (int)r.StatusCode >= 500 && r.StatusCode != HttpStatusCode.ServiceUnavailable)),
                });
            });

        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CrawlingOptions>>().Value;
            if (options.AllowPrivateNetworks)
            {
                sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AddressGuard)).LogWarning(
                    "Monitor:Crawling:AllowPrivateNetworks is deprecated and stands for AllowedNetworks {Network}; set Monitor:Crawling:AllowedNetworks instead",
                    CrawlingOptions.DeprecatedAliasNetwork);
            }

            return new AddressGuard(options.ParsedAllowedNetworks());
        });
        builder.Services.AddSingleton<RobotsCache>();
        builder.Services.AddSingleton<PageFetcher>();
        return builder;
    }
}
