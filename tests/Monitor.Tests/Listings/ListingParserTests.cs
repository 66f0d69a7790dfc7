using Monitor.Tests.Feeds;
using Monitor.Worker.Listings;

namespace Monitor.Tests.Listings;

public sealed class ListingParserTests
{
    [Fact]
    public void AutomaticModeFindsPressReleasesAndIgnoresNavigation()
    {
        var page = ListingParser.Parse(FeedFixtures.Text("listings", "ministry-press-en.html"), new Uri("https://digital.example.gov/press"), null);

        Assert.Equal(
            [
                "National AI strategy 2030 adopted by the cabinet",
                "Call for proposals opens under the national compute programme",
                "Minister appoints the first director of the AI Safety Institute",
                "Consultation on the regulation of public-sector data spaces",
            ],
            page.Items.Select(i => i.Title));
        var first = page.Items[0];
        Assert.Equal(new Uri("https://digital.example.gov/press/national-ai-strategy-2030?utm_source=homepage"), first.Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero), first.Published);
        Assert.StartsWith("The cabinet adopted the national AI strategy", first.Summary, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.Zero), page.Items[3].Published);
        Assert.Equal(new Uri("https://digital.example.gov/?page=1"), page.NextPage);
    }

    [Fact]
    public void AutomaticModeReadsJapaneseTableWithCjkDatesInSourceZone()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Tokyo", "JST");

        var page = ListingParser.Parse(FeedFixtures.Text("listings", "ministry-press-ja.html"), new Uri("https://www.example.go.jp/menu_news/index.html"), null, tokyo);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal("生成AIに関する研究開発の公募結果を公表", page.Items[0].Title);
        Assert.Equal(new Uri("https://www.example.go.jp/menu_news/s-news/01_250314.html"), page.Items[0].Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromHours(9)), page.Items[0].Published);
        Assert.Equal(new Uri("https://www.example.go.jp/menu_news/index_2.html"), page.NextPage);
    }

    [Fact]
    public void AutomaticModeReadsFrenchDatesAndSuivant()
    {
        var page = ListingParser.Parse(FeedFixtures.Text("listings", "ministry-press-fr.html"), new Uri("https://www.example.gouv.fr/communiques"), null);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(new DateTimeOffset(2025, 2, 27, 0, 0, 0, TimeSpan.Zero), page.Items[2].Published);
        Assert.Equal(new Uri("https://www.example.gouv.fr/communiques?page=2"), page.NextPage);
    }

    [Theory]
    [InlineData("ministry-news-zh.html", "https://www.example.gov.cn/gzdt/index.htm", "关于推动人工智能大模型创新发展的指导意见", "https://www.example.gov.cn/gzdt/202503/t20250314_1.htm", "https://www.example.gov.cn/gzdt/index_1.htm")]
    [InlineData("gov-search-results.html", "https://www.gov.example/search/news-and-communications", "AI Research Resource expanded with new supercomputer", "https://www.gov.example/government/news/ai-research-resource-expanded", "https://www.gov.example/search/news-and-communications?page=2")]
    public void AutomaticModeOnOtherCommonLayouts(string file, string pageUrl, string firstTitle, string firstLink, string next)
    {
        var page = ListingParser.Parse(FeedFixtures.Text("listings", file), new Uri(pageUrl), null);

        Assert.Equal(3, page.Items.Count);
        Assert.Equal(firstTitle, page.Items[0].Title);
        Assert.Equal(new Uri(firstLink), page.Items[0].Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.Zero), page.Items[0].Published);
        Assert.All(page.Items, i => Assert.NotNull(i.Published));
        Assert.Equal(new Uri(next), page.NextPage);
    }

    [Fact]
    public void SelectorModeUsesTheGivenSelectors()
    {
        var selectors = new ListingSelectors { Item = "article.teaser", Title = "h3", Date = ".date", Summary = "p", Next = ".pager__item--next a" };

        var page = ListingParser.Parse(FeedFixtures.Text("listings", "ministry-press-en.html"), new Uri("https://digital.example.gov/press"), selectors);

        Assert.Equal(4, page.Items.Count);
        Assert.Equal("Call for proposals opens under the national compute programme", page.Items[1].Title);
        Assert.Equal(new DateTimeOffset(2025, 3, 12, 0, 0, 0, TimeSpan.Zero), page.Items[1].Published);
        Assert.Equal("Universities and companies can now apply for time on the national AI supercomputer.", page.Items[1].Summary);
        Assert.Equal(new Uri("https://digital.example.gov/?page=1"), page.NextPage);
    }

    [Fact]
    public void SelectorModeSkipsBlocksWithoutLinksAndResolvesRelativeLinks()
    {
        const string html = """
            <ul class="news">
              <li><a href="/a">First item</a><time datetime="2025-03-14T09:00:00+01:00">14/03</time></li>
              <li>No link here</li>
              <li><a href="javascript:void(0)">Script link</a></li>
              <li><a href="b.html">Second item</a></li>
            </ul>
            """;

        var page = ListingParser.Parse(html, new Uri("https://gov.example.org/news/"), new ListingSelectors { Item = "ul.news li" });

        Assert.Equal([new Uri("https://gov.example.org/a"), new Uri("https://gov.example.org/news/b.html")], page.Items.Select(i => i.Link));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), page.Items[0].Published);
        Assert.Null(page.NextPage);
    }

    [Fact]
    public void InvalidSelectorThrowsListingParseException()
    {
        var ex = Assert.Throws<ListingParseException>(() => ListingParser.Parse("<p></p>", new Uri("https://x.example/"), new ListingSelectors { Item = "div[" }));

        Assert.StartsWith("listing: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PageWithoutRepeatedBlocksYieldsNoItems()
    {
        const string html = "<html><body><nav><a href='/x'>A long navigation link text here</a></nav><p>Just one paragraph, nothing listed.</p></body></html>";

        var page = ListingParser.Parse(html, new Uri("https://gov.example.org/"), null);

        Assert.Empty(page.Items);
    }
}
