namespace Monitor.Worker.Web;

/// <summary>The worker's HTTP endpoints. Section <c>Monitor:Web</c>.</summary>
public sealed class WebOptions
{
    public const string SectionName = "Monitor:Web";

    /// <summary>Addresses Kestrel listens on (semicolon-separated); loopback by default.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

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
