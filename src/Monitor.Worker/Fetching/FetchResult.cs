using System.Net;

namespace Monitor.Worker.Fetching;

/// <summary>The outcome of one fetch. Expected outcomes (304, 429, timeouts, errors) are values, not exceptions.</summary>
public abstract record FetchResult(Uri RequestUri)
{
    /// <summary>200: the body and the validators to keep for the next conditional GET.</summary>
    public sealed record Ok(Uri RequestUri, Uri FinalUri, byte[] Body, string? ContentType, string? Charset, string? ETag, string? LastModified)
        : FetchResult(RequestUri)
    {
        /// <summary>How long the response may be reused, from Cache-Control max-age or Expires, when it says.</summary>
        public TimeSpan? Lifetime { get; init; }
    }

    /// <summary>304: nothing changed since the validators we sent.</summary>
    public sealed record NotModified(Uri RequestUri) : FetchResult(RequestUri);

    /// <summary>429 or 503 (<paramref name="Status"/>) with Retry-After: come back later.</summary>
    public sealed record RateLimited(Uri RequestUri, TimeSpan? RetryAfter, HttpStatusCode Status = HttpStatusCode.TooManyRequests) : FetchResult(RequestUri);

    /// <summary>Anything else: the reason, and the HTTP status when there was one.</summary>
    public sealed record Failed(Uri RequestUri, string Reason, HttpStatusCode? Status = null) : FetchResult(RequestUri);
}
