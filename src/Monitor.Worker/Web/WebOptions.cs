using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Web;

/// <summary>The worker's HTTP endpoints. Section <c>Monitor:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Monitor:Web";

    /// <summary>Addresses Kestrel listens on (semicolon-separated); loopback by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The token that opens the status page at <c>/admin</c> (from the environment or a secret file, never a
    /// committed file); when empty the page does not exist (404).</summary>
    public string? AdminToken { get; set; }

    /// <summary>Stories per page of the public archive.</summary>
    [Range(5, 100)]
    public int ArchivePageSize { get; set; } = 20;

    /// <summary>Stories per page of the Atom and JSON feeds.</summary>
    [Range(5, 200)]
    public int FeedPageSize { get; set; } = 50;

    /// <summary>How long a rendered archive page or feed is served from the output cache (and may be cached by
    /// browsers and proxies); 0 turns caching off.</summary>
    [Range(0, 3600)]
    public int ArchiveCacheSeconds { get; set; } = 60;

    /// <summary>Null when every address in <paramref name="urls"/> is an http(s) URL Kestrel can listen on, else what is wrong.</summary>
    public static string? CheckUrls(string? urls)
    {
        var entries = (urls ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            return "empty: give at least one address such as http://127.0.0.1:8080";
        }

        var bad = entries.Where(e =>
        {
            // Kestrel's wildcard hosts are not URI hosts.
            var probe = e.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            return !Uri.TryCreate(probe, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.Host.Length == 0 || uri.PathAndQuery != "/" || uri.Port is < 0 or > 65535;
        }).ToList();
        return bad.Count == 0
            ? null
            : $"{string.Join(", ", bad.Select(b => $"'{b}'"))} {(bad.Count == 1 ? "is not an address" : "are not addresses")} to listen on: use http(s)://HOST:PORT, e.g. http://127.0.0.1:8080 (several separated by ';')";
    }
}
