using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Monitor.Worker.Extraction;

/// <summary>
/// One walk over the page collecting dates from microdata, <c>&lt;time&gt;</c> elements and short date-like
/// elements, skipping navigation, sidebars, comments and copyright lines.
/// </summary>
internal sealed partial class DateCandidates(bool monthFirst, Func<DateTimeOffset?, DateTimeOffset?> valid, Func<string?, DateTimeOffset?> machine, TextCounts counts)
{
    private const int MaxElements = 5000;

    private DateTimeOffset? _microdata;
    private DateTimeOffset? _publishTime;
    private DateTimeOffset? _anyTime;
    private DateTimeOffset? _hinted;
    private int _visited;
    private int _pageParagraphs = int.MaxValue;

    /// <summary>A date the markup states is the publication date (microdata, a publish-labelled time element).</summary>
    public DateTimeOffset? Explicit => _microdata ?? _publishTime;

    /// <summary>A date shown on the page near date-like labels, or the first time element.</summary>
    public DateTimeOffset? Visible => _hinted ?? _anyTime;

    /// <summary>Walks <paramref name="element"/>'s subtree in document order.</summary>
    public void Walk(IElement element, int depth) => Walk(element, depth, inArticle: false);

    private void Walk(IElement element, int depth, bool inArticle)
    {
        if (depth == 0)
        {
            _pageParagraphs = Math.Max(1, counts.Paragraph(element));
        }

        foreach (var child in element.Children)
        {
            if (++_visited > MaxElements || _microdata is not null)
            {
                return;
            }

            var name = child.LocalName;
            if (name is "script" or "style" or "nav" or "noscript" or "svg" or "select" || (name is "aside" or "footer" && counts.Text(child) > 300))
            {
                // A small aside or footer inside an article is its byline and date; a big one is a sidebar or page footer.
                continue;
            }

            // Sidebars and comment threads carry other articles' dates; a page-wide wrapper named "has-sidebar" does not.
            var hint = DomCleaner.RawHint(child);
            if (hint.Length > 0 && ((SkipHint().IsMatch(hint) && counts.Text(child) < 3000 && counts.Paragraph(child) * 2 < _pageParagraphs)
                || (hint.Contains("footer", StringComparison.OrdinalIgnoreCase) && counts.Text(child) > 300)))
            {
                continue;
            }

            // The site header prints today's date, not the article's.
            if (!inArticle && (name == "header" || (hint.Length > 0 && SiteHeaderHint().IsMatch(hint))) && counts.Paragraph(child) * 2 < _pageParagraphs)
            {
                continue;
            }

            Inspect(child, name, hint);
            if (depth < 60)
            {
                Walk(child, depth + 1, inArticle || name is "article" or "main" || child.GetAttribute("itemprop") == "articleBody");
            }
        }
    }

    private void Inspect(IElement element, string name, string hint)
    {
        var itemprop = element.GetAttribute("itemprop");
        if (itemprop is "datePublished" or "dateCreated")
        {
            _microdata ??= valid(machine(element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent));
            return;
        }

        if (name == "time")
        {
            var value = valid(machine(element.GetAttribute("datetime") ?? element.TextContent));
            if (value is null)
            {
                return;
            }

            if (element.HasAttribute("pubdate") || PublishHint().IsMatch(hint) || (element.ParentElement is { } p && PublishHint().IsMatch(DomCleaner.RawHint(p))))
            {
                _publishTime ??= value;
            }
            else if (itemprop is not "dateModified" && !ModifiedHint().IsMatch(hint))
            {
                _anyTime ??= value;
            }

            return;
        }

        if (_hinted is null && hint.Length > 0 && DateHint().IsMatch(hint) && !ModifiedHint().IsMatch(hint))
        {
            var text = element.TextContent;
            if (text.Length < 200 && !DateExtractor.CopyrightLine().IsMatch(text))
            {
                _hinted = valid(DateTextParser.FindInText(text, monthFirst));
            }
        }
    }

    [GeneratedRegex(@"comment|related|sidebar|widget|recommend|popular|teaser|newsletter|cookie|breadcrumb|\bnav|menu|archive|calendar|most-?read|more-?stories", RegexOptions.IgnoreCase)]
    private static partial Regex SkipHint();

    [GeneratedRegex(@"publish|posted|pubdate|created|entry-date|post-date|article-date|datePublished", RegexOptions.IgnoreCase)]
    private static partial Regex PublishHint();

    [GeneratedRegex(@"masthead|site-?header|page-?header|top-?bar|topnav|header-?top|top-?header", RegexOptions.IgnoreCase)]
    private static partial Regex SiteHeaderHint();

    [GeneratedRegex(@"updated|modified|edited|aktualisiert", RegexOptions.IgnoreCase)]
    private static partial Regex ModifiedHint();

    [GeneratedRegex(@"date|time|publish|posted|datum|fecha|data\b|zeit|dateline|byline|meta|info|stamp|day", RegexOptions.IgnoreCase)]
    private static partial Regex DateHint();
}
