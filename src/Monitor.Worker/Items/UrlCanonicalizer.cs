using System.Collections.Frozen;
using System.Text;

namespace Monitor.Worker.Items;

/// <summary>
/// Canonical form of an article URL, so the same page reached through a newsletter, a feed and a share button is
/// one announcement: tracking parameters (utm_*, fbclid, gclid, mc_cid, mc_eid...) stripped, fragment dropped,
/// scheme and host lower-cased, default port removed, user name and password dropped (they never select the page,
/// and they must not be stored or mailed). Meaningful query parameters are kept in their order. Pure.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly FrozenSet<string> TrackingNames = new[]
    {
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "mc_cid", "mc_eid", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "igshid", "igsh", "si", "_ga", "_gl",
        "oly_anon_id", "oly_enc_id", "vero_id", "vero_conv", "wt.mc_id", "wt_mc", "ocid", "s_cid", "ref_src", "ref_url",
        "cmpid", "__twitter_impression", "spm", "scm", "xtor", "ns_campaign", "ns_mchannel", "ns_source", "ns_linkname",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly string[] TrackingPrefixes = ["utm_", "pk_", "mtm_", "hsa_", "at_medium", "at_campaign"];

    /// <summary>Returns the canonical form of <paramref name="uri"/>; relative or non-HTTP URIs are returned unchanged.</summary>
    public static Uri Canonicalize(Uri uri)
    {
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return uri;
        }

        // Rebuilding user information that Uri accepted can fail (UriBuilder splits it at ':' and re-parses), so it
        // is left out, which canonical URLs want anyway.
        var builder = new UriBuilder(uri)
        {
            Scheme = uri.Scheme.ToLowerInvariant(),
            Host = uri.IdnHost.ToLowerInvariant(),
            UserName = string.Empty,
            Password = string.Empty,
            Fragment = string.Empty,
            Query = CleanQuery(uri.Query),
        };
        if (uri.IsDefaultPort)
        {
            builder.Port = -1;
        }

        try
        {
            return builder.Uri;
        }
        catch (UriFormatException)
        {
            // A hostile URL that Uri accepted but cannot rebuild: it stays as it was (its own identity).
            return uri;
        }
    }

    /// <summary>True when the query parameter <paramref name="name"/> only tracks the click and never selects content.</summary>
    public static bool IsTrackingParameter(string name)
    {
        if (TrackingNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return string.Empty;
        }

        var kept = new StringBuilder(query.Length);
        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            if (IsTrackingParameter(name))
            {
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append('&');
            }

            kept.Append(pair);
        }

        // UriBuilder adds the '?' only when the value lacks one, so a kept pair that itself starts with '?' (a query
        // of "??x") would lose a character on the first pass and another on the next: the '?' is always given here.
        return kept.Length == 0 ? string.Empty : "?" + kept;
    }
}
