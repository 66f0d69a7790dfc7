using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Monitor.Worker.Documents;
using Monitor.Worker.Feeds;
using Monitor.Worker.Items;

namespace Monitor.Worker.Listings;

/// <summary>Reads article links from an HTML listing page, with CSS selectors or automatically. Pure.</summary>
public static class ListingParser
{
    /// <summary>Parses <paramref name="html"/>; with <paramref name="selectors"/> null (or no item selector) it finds the list automatically.</summary>
    /// <exception cref="ListingParseException">A configured selector is not valid CSS.</exception>
    /// <exception cref="Documents.DocumentBudgetException">The page needs more work than one document may take.</exception>
    public static ListingPage Parse(string html, Uri baseUri, ListingSelectors? selectors, TimeZoneInfo? defaultZone = null, CancellationToken cancellationToken = default)
    {
        using var document = HtmlDocuments.Parse(html, cancellationToken);
        return Parse(document, baseUri, selectors, defaultZone, cancellationToken);
    }

    /// <summary>
    /// As <see cref="Parse(string, Uri, ListingSelectors?, TimeZoneInfo?, CancellationToken)"/>, on a page already
    /// parsed with <see cref="HtmlDocuments"/>; automatic mode removes the page's navigation from <paramref name="document"/>.
    /// </summary>
    public static ListingPage Parse(IHtmlDocument document, Uri baseUri, ListingSelectors? selectors, TimeZoneInfo? defaultZone, CancellationToken cancellationToken)
    {
        var pageBase = DocumentBase(document, baseUri);
        try
        {
            var next = NextPageFinder.Find(document, pageBase, baseUri, selectors?.Next);
            var items = string.IsNullOrWhiteSpace(selectors?.Item)
                ? AutoListing.Find(document, pageBase, defaultZone, cancellationToken)
                : WithSelectors(document, pageBase, selectors, defaultZone, cancellationToken);
            return new ListingPage(ItemKey.Deduplicate(items), next);
        }
        catch (DomException ex)
        {
            throw new ListingParseException("listing: invalid CSS selector: " + ex.Message, ex);
        }
    }

    private static List<ParsedItem> WithSelectors(IHtmlDocument document, Uri pageBase, ListingSelectors selectors, TimeZoneInfo? zone, CancellationToken cancellationToken)
    {
        var items = new List<ParsedItem>();
        foreach (var block in document.QuerySelectorAll(selectors.Item!))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var anchor = string.IsNullOrWhiteSpace(selectors.Link)
                ? (block.LocalName == "a" ? block : block.QuerySelector("a[href]"))
                : block.QuerySelector(selectors.Link);
            var link = HtmlLink(anchor, pageBase);
            if (link is null)
            {
                continue;
            }

            var titleElement = string.IsNullOrWhiteSpace(selectors.Title) ? anchor : block.QuerySelector(selectors.Title);
            var title = FeedText.Plain(titleElement?.TextContent, mayBeHtml: false) ?? FeedText.Plain(anchor?.GetAttribute("title"), mayBeHtml: false);
            var dateElement = string.IsNullOrWhiteSpace(selectors.Date) ? null : block.QuerySelector(selectors.Date);
            var date = dateElement is null ? AutoListing.DateIn(block, zone) : DateOf(dateElement, zone);
            var summary = string.IsNullOrWhiteSpace(selectors.Summary) ? null : FeedText.Plain(block.QuerySelector(selectors.Summary)?.TextContent, mayBeHtml: false);
            items.Add(new ParsedItem(null, title, link, date, summary));
        }

        return items;
    }

    /// <summary>The date an element states: its machine-readable attribute first, then its text.</summary>
    internal static DateTimeOffset? DateOf(IElement element, TimeZoneInfo? zone)
    {
        foreach (var attribute in new[] { "datetime", "content", "data-date", "title" })
        {
            if (FeedDateParser.Parse(element.GetAttribute(attribute), zone) is { } fromAttribute)
            {
                return fromAttribute;
            }
        }

        var text = FeedText.Collapse(ElementText.Head(element, ElementText.DateTextLength));
        return FeedDateParser.Parse(text, zone) ?? TextDateFinder.Find(text, zone);
    }

    /// <summary>The absolute http(s) target of an anchor, or null for scripts, mail, fragments and the like.</summary>
    internal static Uri? HtmlLink(IElement? anchor, Uri pageBase)
    {
        var href = anchor?.GetAttribute("href")?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#'))
        {
            return null;
        }

        var link = FeedXml.Resolve(href, pageBase);
        return link is { IsAbsoluteUri: true } && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps) ? link : null;
    }

    private static Uri DocumentBase(IHtmlDocument document, Uri baseUri)
    {
        var href = document.QuerySelector("base[href]")?.GetAttribute("href");
        return FeedXml.Resolve(href, baseUri) is { IsAbsoluteUri: true } resolved ? resolved : baseUri;
    }
}
