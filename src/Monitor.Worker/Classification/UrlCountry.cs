using System.Text.RegularExpressions;

namespace Monitor.Worker.Classification;

/// <summary>The last-resort country hint: a government or country-code domain in the item's address
/// (<c>.go.jp</c> → JP, <c>.gov.uk</c> → GB, <c>europa.eu</c> → EU, <c>.gov</c> → US).</summary>
internal static partial class UrlCountry
{
    /// <summary>Country code from the host of <paramref name="url"/>, or null.</summary>
    public static string? FromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        if (host == "europa.eu" || host.EndsWith(".europa.eu", StringComparison.Ordinal))
        {
            return CountryCodes.EuropeanUnion;
        }

        if (host.EndsWith(".gov", StringComparison.Ordinal) || host.EndsWith(".mil", StringComparison.Ordinal))
        {
            return "US";
        }

        var dot = host.LastIndexOf('.');
        var tld = dot < 0 ? "" : host[(dot + 1)..].ToUpperInvariant();
        if (tld == "UK")
        {
            return "GB";
        }

        // Generic-looking ccTLDs (.ai, .io, .co, .tv, .me) say nothing about a government.
        return tld.Length == 2 && tld is not ("AI" or "IO" or "CO" or "TV" or "ME" or "FM" or "LY" or "EU") && CountryCodes.IsKnown(tld) ? tld : null;
    }

    /// <summary>Country code of a government domain the text itself names ("published on the Gob.pe platform",
    /// "www.gov.py"), or null: the same hint as the item's own address, for reprints on foreign or generic hosts.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (Match m in GovernmentDomain().Matches(text))
        {
            var code = FromUrl("https://" + m.Value);
            if (code is not null)
            {
                return code;
            }
        }

        return null;
    }

    // A government second-level label under a two-letter country code: gob.pe, gov.py, gouv.sn, go.kr, gub.uy, admin.ch.
    [GeneratedRegex(@"(?<![\w.-])(?:[a-z0-9-]+\.)*(?:gob|gov|gouv|gub|go|govt|gv|admin)\.[a-z]{2}(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GovernmentDomain();
}
