using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;

namespace Monitor.Worker.Fetching;

/// <summary>Polite, bounded HTTP GET: per-host concurrency, conditional requests, body size limit, timeouts as values.</summary>
public sealed class PageFetcher(IHttpClientFactory clientFactory, IOptions<CrawlingOptions> options, RobotsCache robots, Observability.MonitorMetrics metrics, ILogger<PageFetcher> logger)
{
    /// <summary>The name of the <see cref="HttpClient"/> configured for crawling.</summary>
    public const string ClientName = "crawler";

    /// <summary>Redirects followed for one request; a longer chain fails with "too many redirects".</summary>
    public const int MaxRedirects = 5;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hostLimits = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>GETs <paramref name="url"/>; with <paramref name="validators"/> the request is conditional.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, FetchValidators? validators, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var gate = _hostLimits.GetOrAdd(url.Authority, _ => new SemaphoreSlim(settings.MaxRequestsPerHost));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (settings.RespectRobotsTxt && !(await RobotsFor(url, settings, cancellationToken)).IsAllowed(url))
            {
                return new FetchResult.Failed(url, $"disallowed by {url.GetLeftPart(UriPartial.Authority)}/robots.txt for {AgentToken(settings.UserAgent)}");
            }

            return await SendAsync(url, validators, settings, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<FetchResult> SendAsync(Uri url, FetchValidators? validators, CrawlingOptions settings, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await SendCoreAsync(url, validators, settings, cancellationToken);
        metrics.Fetched(result, url.AbsolutePath == "/robots.txt" ? "robots" : "page", System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<FetchResult> SendCoreAsync(Uri url, FetchValidators? validators, CrawlingOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            var client = clientFactory.CreateClient(ClientName);
            var current = url;
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                if (hop == 0)
                {
                    AddValidators(request, validators);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    var (next, refusal) = RedirectTarget(current, response, hop);
                    if (refusal is not null)
                    {
                        return new FetchResult.Failed(url, refusal, response.StatusCode);
                    }

                    current = next!;
                    continue;
                }

                return await ReadAsync(url, current, response, settings, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FetchResult.Failed(url, $"timed out after {settings.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            logger.LogDebug(ex, "Request to {Url} failed", url);
            return new FetchResult.Failed(url, ex.InnerException is BlockedAddressException blocked ? blocked.Message : ex.Message);
        }
    }

    private static void AddValidators(HttpRequestMessage request, FetchValidators? validators)
    {
        if (validators?.ETag is { Length: > 0 } etag && EntityTagHeaderValue.TryParse(etag, out var tag))
        {
            request.Headers.IfNoneMatch.Add(tag);
        }

        if (validators?.LastModified is { Length: > 0 } lastModified && DateTimeOffset.TryParse(lastModified, out var since))
        {
            request.Headers.IfModifiedSince = since;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Where a redirect leads, or why it is not followed: too many hops, not http(s), https to http, no target.</summary>
    private static (Uri? Next, string? Refusal) RedirectTarget(Uri current, HttpResponseMessage response, int hop)
    {
        var raw = response.Headers.TryGetValues("Location", out var values) ? values.FirstOrDefault()?.Trim() : null;
        if (string.IsNullOrEmpty(raw) || !Uri.TryCreate(current, raw, out var next))
        {
            return (null, $"HTTP {(int)response.StatusCode} redirect without a usable Location ({(raw is null ? "none" : $"'{Shorten(raw)}'")})");
        }

        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            return (null, $"redirect to a {next.Scheme}: URL refused ({Shorten(next.OriginalString)}); only http and https are followed");
        }

        if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
        {
            return (null, $"redirect from https to plain http refused ({Shorten(next.AbsoluteUri)})");
        }

        if (hop >= MaxRedirects)
        {
            return (null, $"too many redirects (more than {MaxRedirects}; the next was to {Shorten(next.AbsoluteUri)})");
        }

        return (next, null);
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;

    private static async Task<FetchResult> ReadAsync(Uri url, Uri finalUri, HttpResponseMessage response, CrawlingOptions settings, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new FetchResult.NotModified(url);
        }

        if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            return new FetchResult.RateLimited(url, RetryAfter(response), response.StatusCode);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new FetchResult.Failed(url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", response.StatusCode);
        }

        if (response.Content.Headers.ContentLength > settings.MaxBodyBytes)
        {
            return new FetchResult.Failed(url, $"body of {response.Content.Headers.ContentLength} bytes exceeds the limit of {settings.MaxBodyBytes}");
        }

        var body = await ReadBoundedAsync(response.Content, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return new FetchResult.Failed(url, $"body exceeds the limit of {settings.MaxBodyBytes} bytes");
        }

        return new FetchResult.Ok(
            url,
            finalUri,
            body,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentType?.CharSet,
            response.Headers.ETag?.ToString(),
            response.Content.Headers.LastModified?.ToString("R"))
        {
            Lifetime = response.Headers.CacheControl?.MaxAge ?? (response.Content.Headers.Expires - DateTimeOffset.UtcNow),
        };
    }

    private async Task<RobotsRules> RobotsFor(Uri url, CrawlingOptions settings, CancellationToken cancellationToken)
    {
        var site = url.GetLeftPart(UriPartial.Authority);
        return await robots.GetOrFetchAsync(site, () => FetchRobotsAsync(site, settings, cancellationToken));
    }

    private async Task<RobotsRules> FetchRobotsAsync(string site, CrawlingOptions settings, CancellationToken cancellationToken)
    {
        // A missing or unreadable robots.txt allows everything (RFC 9309 treats 4xx so; we also do for 5xx and
        // network errors rather than park a government source because its robots.txt is down), re-checked in an hour.
        var result = await SendAsync(new Uri(site + "/robots.txt"), null, settings, cancellationToken);
        return result switch
        {
            FetchResult.Ok ok => robots.Put(site, System.Text.Encoding.UTF8.GetString(ok.Body.AsSpan(0, Math.Min(ok.Body.Length, 512 * 1024))), readable: true, ok.Lifetime),
            FetchResult.Failed { Status: { } status } when (int)status is >= 400 and < 500 => robots.Put(site, null, readable: true, null),
            _ => robots.Put(site, null, readable: false, null),
        };
    }

    /// <summary>The product token robots.txt groups are matched against: the User-Agent up to its first '/' or space.</summary>
    public static string AgentToken(string userAgent) => userAgent.Split(['/', ' '], 2)[0];

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }

    /// <summary>
    /// The body, or null past <paramref name="maxBytes"/>. Read into pooled 64 KB chunks and copied once into an array of
    /// the exact size: a growing MemoryStream would allocate about twice the body again on the large-object heap.
    /// </summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        const int ChunkBytes = 64 * 1024;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var chunks = new List<byte[]>();
        long total = 0;
        try
        {
            while (true)
            {
                var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(ChunkBytes);
                chunks.Add(chunk);
                var filled = 0;
                int read;
                while (filled < ChunkBytes && (read = await stream.ReadAsync(chunk.AsMemory(filled, ChunkBytes - filled), cancellationToken)) > 0)
                {
                    filled += read;
                }

                total += filled;
                if (total > maxBytes)
                {
                    return null;
                }

                if (filled < ChunkBytes)
                {
                    break;
                }
            }

            var body = new byte[total];
            var offset = 0;
            foreach (var chunk in chunks)
            {
                var length = (int)Math.Min(ChunkBytes, total - offset);
                chunk.AsSpan(0, length).CopyTo(body.AsSpan(offset));
                offset += length;
            }

            return body;
        }
        finally
        {
            foreach (var chunk in chunks)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            }
        }
    }
}
