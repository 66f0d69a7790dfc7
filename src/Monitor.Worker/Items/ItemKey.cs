using System.Security.Cryptography;
using System.Text;

namespace Monitor.Worker.Items;

/// <summary>Item identity within a source: guid when given, else canonical URL, else a hash of title and date.</summary>
public static class ItemKey
{
    /// <summary>The deterministic key of <paramref name="item"/>.</summary>
    public static string For(ParsedItem item)
    {
        if (!string.IsNullOrWhiteSpace(item.Id))
        {
            return "id:" + item.Id.Trim();
        }

        if (item.Link is not null)
        {
            return "url:" + UrlCanonicalizer.Canonicalize(item.Link).AbsoluteUri;
        }

        var basis = $"{item.Title?.Trim()}|{item.Published?.UtcDateTime:O}";
        return "hash:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..32];
    }

    /// <summary>Drops later items whose key repeats an earlier one (first wins, order kept).</summary>
    public static IReadOnlyList<ParsedItem> Deduplicate(IReadOnlyList<ParsedItem> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return items.Where(i => seen.Add(For(i))).ToList();
    }
}
