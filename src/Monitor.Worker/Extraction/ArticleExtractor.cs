using System.Collections.Frozen;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using Monitor.Worker.Documents;

namespace Monitor.Worker.Extraction;

/// <summary>Extracts the main text and metadata of an article page. Pure.</summary>
public static class ArticleExtractor
{
    /// <summary>The only attributes extraction reads; the parser drops the others (data-*, srcset, on*...).</summary>
    private static readonly FrozenSet<string> UsedAttributes = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "class", "id", "style", "role", "hidden", "aria-hidden", "itemprop", "content", "datetime", "href", "rel", "name",
        "property", "http-equiv", "charset", "lang", "xml:lang", "type", "pubdate", "dir");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UsedAttributeLookup =
        UsedAttributes.GetAlternateLookup<ReadOnlySpan<char>>();

    // Comments, style text, source positions and attributes that no rule reads are never kept.
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsScripting = false,
        SkipComments = true,
        SkipRawText = true,
        SkipCDATA = true,
        SkipProcessingInstructions = true,
        DisableElementPositionTracking = true,
        IsNotSupportingFrames = true,
        ShouldEmitAttribute = static (ref StructHtmlToken _, ReadOnlyMemory<char> name) => UsedAttributeLookup.Contains(name.Span),
    };

    /// <summary>Extracts from the page's raw bytes, decoding with the declared or sniffed charset.</summary>
    /// <param name="html">The page's bytes as received (already decompressed).</param>
    /// <param name="url">The page URL, for resolving relative links and URL date patterns.</param>
    /// <param name="contentTypeCharset">The charset from the HTTP Content-Type header, when there was one.</param>
    public static ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url, string? contentTypeCharset = null)
        => Extract(html, url, contentTypeCharset, DateTimeOffset.UtcNow);

    /// <summary>Extracts from the page's raw bytes; dates after <paramref name="now"/> are rejected.</summary>
    public static ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url, string? contentTypeCharset, DateTimeOffset now)
        => Extract(CharsetDecoder.Decode(html.Span, contentTypeCharset), url, now, CancellationToken.None);

    /// <summary>Extracts from the page's raw bytes within a work budget: <paramref name="cancellationToken"/> is checked as the passes go.</summary>
    public static ExtractedArticle Extract(ReadOnlyMemory<byte> html, Uri? url, string? contentTypeCharset, DateTimeOffset now, CancellationToken cancellationToken)
        => Extract(CharsetDecoder.Decode(html.Span, contentTypeCharset), url, now, cancellationToken);

    /// <summary>Extracts from already-decoded HTML.</summary>
    public static ExtractedArticle Extract(string html, Uri? url)
        => Extract(html, url, DateTimeOffset.UtcNow);

    /// <summary>Extracts from already-decoded HTML; dates after <paramref name="now"/> are rejected.</summary>
    public static ExtractedArticle Extract(string html, Uri? url, DateTimeOffset now) => Extract(html, url, now, CancellationToken.None);

    /// <summary>Extracts from already-decoded HTML within a work budget (see <see cref="HtmlDocuments"/>).</summary>
    public static ExtractedArticle Extract(string html, Uri? url, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var document = HtmlDocuments.Parse(html, ParserOptions, cancellationToken);
        var meta = PageMetadata.Read(document);
        var title = TitleExtractor.Find(document, meta);
        var declared = LanguageResolver.Declared(meta);
        var author = AuthorExtractor.Find(document, meta);
        var canonical = Resolve(url, meta.Canonical) ?? Resolve(url, meta.Get("og:url")) ?? Resolve(url, meta.JsonLd.Url);
        var counts = document.Body is { } body ? new TextCounts(body, cancellationToken) : null;
        var (published, modified) = counts is null ? (null, null) : DateExtractor.Find(document, meta, url, canonical, declared, counts, now);

        cancellationToken.ThrowIfCancellationRequested();
        var text = MainText(document, title, counts, cancellationToken);
        var description = Clean(meta.JsonLd.Description ?? meta.Get("description", "og:description", "twitter:description", "dc.description"));
        var language = LanguageResolver.Resolve(declared, text.Length >= 200 ? text : $"{title} {description} {text}");
        return new ExtractedArticle(title, published, modified, language, author, canonical, text, description ?? FirstBlock(text));
    }

    private static string MainText(IHtmlDocument document, string? title, TextCounts? counts, CancellationToken cancellationToken)
    {
        var body = document.Body;
        if (body is null || counts is null)
        {
            return string.Empty;
        }

        var scorer = new ContentScorer(body, DomCleaner.Clean(body, counts), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var selection = scorer.SelectContent();
        cancellationToken.ThrowIfCancellationRequested();
        var lead = scorer.FindLead(selection);
        var blocks = TextRenderer.Render(scorer, selection);
        if (lead is not null && TextRenderer.RenderWhole(lead) is { Length: > 0 } leadText && !blocks.Contains(leadText))
        {
            blocks.Insert(0, leadText);
        }
        if (TextLength(blocks) < 100 && scorer.Stats(body).Text > 200)
        {
            blocks = TextRenderer.Render(scorer, [body]);
        }

        if (blocks.Count > 0 && title is not null && string.Equals(blocks[0], title, StringComparison.OrdinalIgnoreCase))
        {
            blocks.RemoveAt(0);
        }

        return string.Join("\n\n", blocks);
    }

    private static int TextLength(List<string> blocks)
    {
        var n = 0;
        foreach (var b in blocks)
        {
            n += b.Length;
        }

        return n;
    }

    private static string? FirstBlock(string text)
    {
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        var first = end < 0 ? text : text[..end];
        return first.Length == 0 ? null : first;
    }

    private static string? Clean(string? value)
        => string.IsNullOrWhiteSpace(value) ? null : System.Net.WebUtility.HtmlDecode(value).Trim();

    private static Uri? Resolve(Uri? baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        if (Uri.TryCreate(href.Trim(), UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute;
        }

        return baseUrl is not null && Uri.TryCreate(baseUrl, href.Trim(), out var relative) ? relative : null;
    }
}
