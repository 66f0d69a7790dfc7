using Monitor.Worker.Feeds;

namespace Monitor.Tests.Feeds;

public sealed class FeedParserFormatTests
{
    private static readonly Uri Base = new("https://example.org/feeds/source.xml");

    [Theory]
    [InlineData("rss090.xml", FeedFormat.Rdf, "rss090", 2, "Code of practice draft", "https://ai-office.example.eu/news/code-of-practice", null)]
    [InlineData("rss091.xml", FeedFormat.Rss, "rss091n", 2, "Supercomputer upgrade funded", "https://science.example.gov/news/supercomputer", "2025-03-10T13:00:00Z")]
    [InlineData("rss092.xml", FeedFormat.Rss, "rss092", 2, "Supercomputer upgrade funded", "https://science.example.gov/news/supercomputer", "2025-03-10T13:00:00Z")]
    [InlineData("rss093.xml", FeedFormat.Rss, "rss093", 2, "Supercomputer upgrade funded", "https://science.example.gov/news/supercomputer", "2025-03-10T13:00:00Z")]
    [InlineData("rss094.xml", FeedFormat.Rss, "rss094", 2, "Supercomputer upgrade funded", "https://science.example.gov/news/supercomputer", "2025-03-10T13:00:00Z")]
    [InlineData("rss10.xml", FeedFormat.Rdf, "rss10", 2, "生成AIの利用ガイドラインを公表しました", "https://www.example.go.jp/news/2025-03-14", "2025-03-14T01:00:00Z")]
    [InlineData("rss20.xml", FeedFormat.Rss, "rss20", 2, "National AI strategy 2030 published", "https://digital.example.gov/press/ai-strategy-2030?utm_source=rss&utm_medium=feed", "2025-03-14T08:30:00Z")]
    [InlineData("atom03.xml", FeedFormat.Atom, "atom03", 2, "Sovereign LLM pilot", "https://policy.example.org/2025/03/llm-pilot", "2025-03-14T10:00:00Z")]
    [InlineData("atom10.xml", FeedFormat.Atom, "atom10", 2, "AI Act guidance issued", "https://regulator.example.org/news/2025/ai-act-guidance", "2025-03-14T09:00:00Z")]
    [InlineData("jsonfeed10.json", FeedFormat.JsonFeed, "json10", 2, "Open data for AI training", "https://data.example.gov/updates/open-data-for-ai", "2025-03-14T13:00:00Z")]
    [InlineData("jsonfeed11.json", FeedFormat.JsonFeed, "json11", 1, "Evaluation report on frontier models", "https://safety.example.org/posts/evaluation-report", "2025-03-14T12:00:00Z")]
    public void DetectsFormatAndReadsFirstItem(string file, FeedFormat format, string version, int count, string title, string link, string? published)
    {
        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", file), Base);

        Assert.Equal(format, feed.Format);
        Assert.Equal(version, feed.Version);
        Assert.Equal(count, feed.Items.Count);
        var first = feed.Items[0];
        Assert.Equal(title, first.Title);
        Assert.Equal(new Uri(link), first.Link);
        Assert.Equal(published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture), first.Published);
    }

    [Fact]
    public void ReadsRssNamespacesAndResolvesRelativeLinks()
    {
        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", "rss20.xml"), new Uri("https://digital.example.gov/press/feed.xml"));

        Assert.Equal("Ministry of Digital Affairs — Press releases", feed.Title);
        Assert.Equal(new Uri("https://digital.example.gov/press"), feed.Link);
        var first = feed.Items[0];
        Assert.Equal("press-2025-031", first.Id);
        Assert.Equal("Press Office", first.Author);
        Assert.Equal("The government adopted its national AI strategy today.", first.Summary);
        Assert.Contains("sovereign language model", first.Content, StringComparison.Ordinal);
        Assert.Equal(new Uri("https://digital.example.gov/press/compute-call"), feed.Items[1].Link);
        Assert.False(feed.Recovered);
    }

    [Fact]
    public void AtomHonoursXmlBaseAndPicksAlternateLink()
    {
        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", "atom10.xml"), Base);

        Assert.Equal("Regulator news", feed.Title);
        Assert.Equal(new Uri("https://regulator.example.org/news/"), feed.Link);
        Assert.Equal(new Uri("https://regulator.example.org/news/2025/ai-act-guidance"), feed.Items[0].Link);
        Assert.Equal(new Uri("https://other.example.org/archive/sandbox-results"), feed.Items[1].Link);
        Assert.Equal("Press team", feed.Items[0].Author);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 14, 30, 0, TimeSpan.Zero), feed.Items[1].Published);
    }

    [Fact]
    public void RdfItemsUseAboutAsIdAndDublinCore()
    {
        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", "rss10.xml"), Base);

        Assert.Equal("https://www.example.go.jp/news/2025-03-14", feed.Items[0].Id);
        Assert.Equal("デジタル庁", feed.Items[0].Author);
    }

    [Fact]
    public void JsonFeedResolvesRelativeUrlsAgainstHomePage()
    {
        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", "jsonfeed10.json"), Base);

        Assert.Equal("16", feed.Items[1].Id);
        Assert.Equal(new Uri("https://data.example.gov/updates/talent"), feed.Items[1].Link);
        Assert.Equal("Data agency", feed.Items[0].Author);
        Assert.Equal("<p>New datasets released.</p>", feed.Items[0].Content);
    }

    [Fact]
    public void JsonFeedWithoutVersionIsStillRead()
    {
        const string json = """{"title":"T","home_page_url":"https://x.example/","items":[{"id":"1","url":"/a","title":"A"}]}""";

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(json), Base);

        Assert.Equal(FeedFormat.JsonFeed, feed.Format);
        Assert.Equal(new Uri("https://x.example/a"), Assert.Single(feed.Items).Link);
    }

    [Fact]
    public void DateWithoutZoneUsesSourceZone()
    {
        var paris = TimeZoneInfo.CreateCustomTimeZone("Test/Paris", TimeSpan.FromHours(1), "Paris", "CET");

        var feed = FeedParser.Parse(FeedFixtures.Bytes("feeds", "hostile-wrong-charset.xml"), Base, paris);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromHours(1)), feed.Items[0].Published);
    }

    [Theory]
    [InlineData("not-a-feed.html")]
    public void RejectsDocumentsThatAreNotFeeds(string file)
    {
        var ex = Assert.Throws<FeedParseException>(() => FeedParser.Parse(FeedFixtures.Bytes("feeds", file), Base));

        Assert.StartsWith("feed: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("just some text")]
    [InlineData("{\"count\": 3, \"results\": []}")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")]
    public void RejectsNonFeedsWithFeedParseException(string content)
    {
        var ex = Assert.Throws<FeedParseException>(() => FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(content), Base));

        Assert.StartsWith("feed: ", ex.Message, StringComparison.Ordinal);
    }
}
