using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Monitor.Worker.Items;

/// <summary>
/// The identity of an item within its source, following miniflux's fallback chain: the source's own id (RSS guid,
/// Atom id, JSON id) when it is usable, else the canonical URL, else a hash of title + date. Keys carry their kind
/// (<c>id:</c>, <c>url:</c>, <c>hash:</c>) and never exceed <see cref="MaxLength"/> characters, so they fit a database
/// index. An id that is itself an http(s) URL is keyed as that URL's canonical form, so a feed that drops or adds
/// guids between crawls keeps the same keys. Pure.
/// </summary>
public static class ItemKey
{
    /// <summary>The longest key produced; longer values are replaced by their SHA-256.</summary>
    public const int MaxLength = 200;

    /// <summary>The key of <paramref name="item"/>.</summary>
    public static string For(ParsedItem item) => For(item, trustId: true);

    /// <summary>
    /// Keys every item and keeps the first of each key, in document order. An id shared by items with different
    /// links (feeds that put the site's home page in every guid) is not an identity, so those items fall back to
    /// their URL instead of being merged into one.
    /// </summary>
    public static IReadOnlyList<KeyedItem> Keyed(IReadOnlyList<ParsedItem> items)
    {
        var linksById = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (UsableId(item.Id) is { } id && item.Link is { IsAbsoluteUri: true } link)
            {
                if (!linksById.TryGetValue(id, out var links))
                {
                    linksById[id] = links = new HashSet<string>(StringComparer.Ordinal);
                }

                links.Add(UrlCanonicalizer.Canonicalize(link).AbsoluteUri);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<KeyedItem>(items.Count);
        foreach (var item in items)
        {
            var trustId = UsableId(item.Id) is not { } id || !linksById.TryGetValue(id, out var links) || links.Count <= 1;
            var key = For(item, trustId);
            if (seen.Add(key))
            {
                result.Add(new KeyedItem(key, item));
            }
        }

        return result;
    }

    /// <summary>The items of <paramref name="items"/> without duplicates (first occurrence kept, order preserved).</summary>
    public static IReadOnlyList<ParsedItem> Deduplicate(IReadOnlyList<ParsedItem> items)
        => Keyed(items).Select(k => k.Item).ToList();

    private static string For(ParsedItem item, bool trustId)
    {
        if (trustId && UsableId(item.Id) is { } id)
        {
            if (Uri.TryCreate(id, UriKind.Absolute, out var idUri) && (idUri.Scheme == Uri.UriSchemeHttp || idUri.Scheme == Uri.UriSchemeHttps))
            {
                return Bounded("url:", UrlCanonicalizer.Canonicalize(idUri).AbsoluteUri);
            }

            return Bounded("id:", id);
        }

        if (item.Link is { IsAbsoluteUri: true } link)
        {
            return Bounded("url:", UrlCanonicalizer.Canonicalize(link).AbsoluteUri);
        }

        var title = item.Title is null ? string.Empty : string.Join(' ', item.Title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        var date = item.Published?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;
        var basis = title.Length == 0 && date.Length == 0 ? item.Link?.OriginalString ?? item.Summary ?? string.Empty : title + "\n" + date;
        return "hash:" + Sha256(basis);
    }

    /// <summary>The id when it can identify an item: non-blank and not a bare placeholder.</summary>
    private static string? UsableId(string? id)
    {
        var trimmed = id?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed is "0" or "-" or "null" or "undefined" or "#")
        {
            return null;
        }

        return trimmed;
    }

    private static string Bounded(string prefix, string value)
        => prefix.Length + value.Length <= MaxLength ? prefix + value : prefix + "sha256:" + Sha256(value);

    private static string Sha256(string value)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
