using System.Text;
using CsCheck;
using Monitor.Tests.Classification;
using Monitor.Worker.Classification;
using Monitor.Worker.Documents;
using Monitor.Worker.Extraction;
using Monitor.Worker.Feeds;
using Monitor.Worker.Items;
using Monitor.Worker.Listings;

namespace Monitor.Tests.Properties;

/// <summary>
/// Arbitrary input (random text, and markup assembled from the pieces attacks are made of) never makes a parser throw
/// anything but its own "bad input" exception, and never outlasts the document budget: each call runs under
/// <see cref="DocumentBudget"/>, so a run past it fails the property with a <see cref="DocumentBudgetException"/>.
/// </summary>
public sealed class HostileInputProperties
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static readonly Gen<string> Markup = Gen.OneOf(
            "<div>", "</div>", "<p>", "</p>", "<a href='/x'>", "<a href=\"https://e.org/a?utm_source=x#f\">", "</a>", "<b id=1>", "<i>", "</b>",
            "<li>", "<ul>", "</ul>", "<table><tr><td>", "</td>", "<svg><path/>", "</svg>", "<!--", "-->", "<script>", "</script>", "<style>",
            "<title>", "</title>", "<h1>", "</h1>", "<time datetime='2025-03-14'>", "<meta charset='utf-8'>", "<br>", "&amp;", "&", "&#x1F600;",
            "<", ">", "\"", "'", "=", " ", "\n", "text ", "National AI strategy ", "2025-03-14 ", "14 mars 2025 ", "令和7年3月14日 ",
            "<?xml version='1.0' encoding='utf-8'?>", "<rss version='2.0'><channel>", "<item>", "</item>", "<entry>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
            "<link>", "</link>", "<guid>", "<pubDate>", "</pubDate>", "<![CDATA[", "]]>", "<!DOCTYPE r [<!ENTITY e 'v'>]>", "&e;", "<x:y>", "\uFEFF", "\0")
        .Array[0, 120].Select(parts => string.Concat(parts));

    private static readonly Gen<string> Text = Gen.OneOf<string>(Gen.String[0, 300], (IGen<string>)Markup);

    [Fact]
    public void UrlCanonicalizerNeverThrowsAndIsIdempotent()
    {
        Gen.Select(Gen.OneOf("http", "https"), Gen.String[0, 40], Gen.String[0, 60]).Sample((scheme, host, rest) =>
        {
            if (!Uri.TryCreate($"{scheme}://{host}/{rest}", UriKind.Absolute, out var url))
            {
                return;
            }

            var once = UrlCanonicalizer.Canonicalize(url!);
            Assert.Equal(once, UrlCanonicalizer.Canonicalize(once));
        }, iter: 2000);
    }

    [Fact]
    public void ClassifierNeverThrowsAndAnswersWithinItsContract()
    {
        // Web addresses built from the pieces a slug, a section or a hostile link is made of: the classifier reads their
        // words for a country when the text names none.
        var path = Gen.OneOf("bahrain", "senegal-", "zypern", "%D8%A7%D9%84%D8%B3%D8%B9%D9%88%D8%AF%D9%8A%D8%A9", "%", "%zz", "%00", "/", "..",
                "?", "#", "-", "_", "+", "~", "=", ",", "america", "Japan", "US", "é", "\u0000", " ", "2026", "article")
            .Array[0, 80].Select(parts => string.Concat(parts));
        Gen.Select(Text, Text, Gen.OneOf<string>(path, Gen.String[0, 400]), Gen.OneOf<string?>(null, "en", "ja", "zh", "ar", "it", "x-y")).Sample((title, text, rest, language) =>
        {
            var url = "https://news.example.net/" + rest;
            var result = ShippedClassifier.Instance.Classify(new ClassificationInput(title, text, url, language));
            Assert.InRange(result.Score, 0, 1);
            Assert.InRange(result.Countries.Count, 0, 3);
            Assert.All(result.Countries, code => Assert.True(CountryCodes.IsKnown(code), code));
            Assert.Equal(result.Countries.Count, result.Countries.Distinct(StringComparer.Ordinal).Count());
        }, iter: 1000);
    }

    [Fact]
    public void ItemKeysNeverThrowAndAreStable()
    {
        Gen.Select(Gen.String[0, 80].Null(), Gen.String[0, 80].Null(), Gen.String[0, 80]).Sample((id, title, path) =>
        {
            Uri.TryCreate("https://example.org/" + path, UriKind.Absolute, out var link);
            var item = new ParsedItem(id, title, link, null, null);
            Assert.Equal(ItemKey.For(item), ItemKey.For(item with { }));
        }, iter: 2000);
    }

    [Fact]
    public void DateParsersNeverThrow()
    {
        Gen.OneOf<string>(Gen.String[0, 60], (IGen<string>)Gen.OneOf("2025-03-14", "Fri, 14 Mar 2025 08:00:00 +0900", "14. März 2025", "2025年3月14日", "令和7年3月14日", "99/99/9999")
            .Array[1, 4].Select(p => string.Join(' ', p))).Sample(text =>
        {
            _ = FeedDateParser.Parse(text, TimeZoneInfo.Utc);
            _ = DateTextParser.ParseMachine(text);
            _ = DateTextParser.FindInText(text, monthFirst: false);
        }, iter: 3000);
    }

    [Fact]
    public void FeedParserFailsOnlyWithFeedParseExceptionWithinTheBudget()
    {
        Gen.OneOf<byte[]>(Text.Select(t => Encoding.UTF8.GetBytes(t)), (IGen<byte[]>)Gen.Byte.Array[0, 400]).Sample(bytes =>
        {
            try
            {
                DocumentBudget.Run("feed", Budget, token => FeedParser.Parse(bytes, new Uri("https://example.org/feed"), null, token), CancellationToken.None);
            }
            catch (FeedParseException)
            {
            }
        }, iter: 1500);
    }

    [Fact]
    public void ListingParserFailsOnlyWithListingParseExceptionWithinTheBudget()
    {
        Gen.Select(Text, Gen.OneOf<string?>(null, "li", "div > a", "[")).Sample((html, item) =>
        {
            try
            {
                var selectors = item is null ? null : new ListingSelectors { Item = item };
                DocumentBudget.Run("listing", Budget, token => ListingParser.Parse(html, new Uri("https://example.org/news/"), selectors, null, token), CancellationToken.None);
            }
            catch (ListingParseException)
            {
            }
        }, iter: 1000);
    }

    [Fact]
    public void ExtractorNeverThrowsWithinTheBudget()
    {
        Text.Sample(html =>
        {
            var article = DocumentBudget.Run("extraction", Budget, token => ArticleExtractor.Extract(html, new Uri("https://example.org/a"), DateTimeOffset.UtcNow, token), CancellationToken.None);
            Assert.NotNull(article.Text);
        }, iter: 1000);
    }

    [Fact]
    public void NestingLimiterKeepsShallowMarkupAsItIsAndBoundsDeepMarkup()
    {
        Gen.Select(Markup, Gen.Int[0, 3000]).Sample((html, depth) =>
        {
            // Without formatting elements (which it may close explicitly), markup within the limit comes back as it is.
            var plain = html.Replace("<a ", "<span ", StringComparison.Ordinal).Replace("<b ", "<span ", StringComparison.Ordinal).Replace("<i>", "<span>", StringComparison.Ordinal);
            Assert.Same(plain, NestingLimiter.Limit(plain, 100_000, CancellationToken.None));
            var deep = string.Concat(Enumerable.Repeat("<div>", depth)) + html + string.Concat(Enumerable.Repeat("</div>", depth));
            var limited = NestingLimiter.Limit(deep, 64, CancellationToken.None);
            Assert.True(Count(limited, "<div>") <= Math.Min(depth, 64) + Count(html, "<div>"), $"depth {depth}");
        }, iter: 300);
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
