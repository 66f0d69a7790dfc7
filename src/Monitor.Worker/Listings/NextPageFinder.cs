using System.Collections.Frozen;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Listings;

/// <summary>Finds the "next page" link of a listing: a selector, <c>rel=next</c>, pagination classes, or the link's words.</summary>
internal static class NextPageFinder
{
    private static readonly FrozenSet<string> NextWords = new[]
    {
        "next", "next page", "older", "older posts", "older entries", "»", "›", "→",
        "suivant", "suivante", "page suivante", "weiter", "nächste", "nächste seite", "siguiente", "página siguiente",
        "successivo", "successiva", "pagina successiva", "próximo", "próxima", "seguinte", "volgende", "nästa", "neste", "næste",
        "seuraava", "następna", "další", "következő", "următoarea", "επόμενη", "следующая", "далее", "наступна",
        "次へ", "次のページ", "次", "다음", "다음 페이지", "下一页", "下一頁", "下页", "後頁", "التالي", "הבא", "sonraki", "tiếp", "berikutnya", "ถัดไป",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static Uri? Find(IHtmlDocument document, Uri pageBase, Uri pageUri, string? selector)
    {
        if (!string.IsNullOrWhiteSpace(selector))
        {
            return Accept(document.QuerySelector(selector) is { } chosen ? AnchorOf(chosen) : null, pageBase, pageUri);
        }

        foreach (var candidate in document.QuerySelectorAll("link[rel~='next'][href], a[rel~='next'][href]"))
        {
            if (Accept(candidate, pageBase, pageUri) is { } byRel)
            {
                return byRel;
            }
        }

        foreach (var candidate in document.QuerySelectorAll(
            "[class*='next'] a[href], a[href][class*='next'], [class*='Next'] a[href], a[href][class*='Next'], a[href][aria-label*='next'], a[href][aria-label*='Next']"))
        {
            if (!IsPrevious(candidate) && Accept(candidate, pageBase, pageUri) is { } byClass)
            {
                return byClass;
            }
        }

        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            var text = FeedText.Collapse(anchor.TextContent).Trim(' ', '»', '›', '→', '>', '.', '…').Trim();
            var label = anchor.GetAttribute("aria-label") ?? anchor.GetAttribute("title");
            if ((NextWords.Contains(text) || (text.Length == 0 && label is not null && NextWords.Contains(label.Trim())) || NextWords.Contains(FeedText.Collapse(anchor.TextContent)))
                && Accept(anchor, pageBase, pageUri) is { } byWords)
            {
                return byWords;
            }
        }

        return null;
    }

    private static IElement? AnchorOf(IElement element)
        => element.HasAttribute("href") ? element : element.QuerySelector("a[href]");

    private static bool IsPrevious(IElement anchor)
    {
        var hint = (anchor.ClassName + " " + anchor.GetAttribute("rel") + " " + anchor.GetAttribute("aria-label")).ToLowerInvariant();
        return hint.Contains("prev", StringComparison.Ordinal);
    }

    private static Uri? Accept(IElement? anchor, Uri pageBase, Uri pageUri)
    {
        var link = ListingParser.HtmlLink(anchor, pageBase);
        if (link is null || string.Equals(link.GetLeftPart(UriPartial.Query), pageUri.GetLeftPart(UriPartial.Query), StringComparison.Ordinal))
        {
            return null;
        }

        return link;
    }
}
