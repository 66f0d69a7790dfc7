namespace Monitor.Worker.Items;

/// <summary>Canonical form of an item URL: tracking parameters and fragment dropped, host lower-cased, default port removed.</summary>
public static class UrlCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_"];
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase) { "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "_ga", "ref_src" };

    /// <summary>Returns the canonical form of <paramref name="url"/>.</summary>
    public static Uri Canonicalize(Uri url)
    {
        var builder = new UriBuilder(url) { Fragment = "", Host = url.Host.ToLowerInvariant() };
        if (url.IsDefaultPort)
        {
            builder.Port = -1;
        }

        var query = url.Query.TrimStart('?');
        if (query.Length > 0)
        {
            var kept = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(pair => !IsTracking(pair.Split('=', 2)[0]));
            builder.Query = string.Join('&', kept);
        }

        return builder.Uri;
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
