using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Polly;

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
                    AllowAutoRedirect = true,
                    MaxAutomaticRedirections = 5,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                    ConnectCallback = AddressGuard.ConnectCallback(options.AllowPrivateNetworks),
                };
            })
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

        builder.Services.AddSingleton<RobotsCache>();
        builder.Services.AddSingleton<PageFetcher>();
        return builder;
    }
}
