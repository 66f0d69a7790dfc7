using System.Text.RegularExpressions;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Items;

/// <summary>
/// Decides whether an item already carries its full text (content:encoded, Atom content, JSON content), so the
/// crawler need not fetch the page, or only a teaser, so it must. Pure.
/// </summary>
public static partial class FullTextDetector
{
    /// <summary>Plain-text length from which content counts as the article itself rather than a teaser.</summary>
    public const int DefaultMinimumCharacters = 700;

    /// <summary>
    /// True when the item's content, as plain text, is at least <paramref name="minimumCharacters"/> long and does not
    /// end like a teaser ("…", "[…]", "Read more", "Continue reading").
    /// </summary>
    public static bool HasFullText(ParsedItem item, int minimumCharacters = DefaultMinimumCharacters)
    {
        var text = item.Content is null && item.Summary is { } summary && !FeedText.LooksLikeHtml(summary) ? summary : FeedText.Plain(item.Content ?? item.Summary);
        if (text is null || text.Length < minimumCharacters)
        {
            return false;
        }

        return !TeaserEnding().IsMatch(text);
    }

    [GeneratedRegex(@"(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|lire la suite|weiterlesen|leer más|続きを読む|더보기|阅读全文)\W{0,3}$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TeaserEnding();
}
