using Monitor.Tests.Classification;
using Monitor.Worker.Crawling;
using Monitor.Worker.Extraction;
using Monitor.Worker.Items;
using Monitor.Worker.Sources;

namespace Monitor.Tests.Crawling;

public sealed class AnnouncementBuilderTests
{
    private static readonly DateTime FetchedAt = new(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc);

    private static readonly SourceDefinition Source = new()
    {
        Id = "jp-cao",
        Name = "Cabinet Office",
        Url = new Uri("https://www8.cao.go.jp/cstp/ai/rss.xml"),
        Country = "JP",
        Language = "ja",
    };

    private const string PolicyText =
        "The Cabinet Office adopted Japan's first Artificial Intelligence Basic Plan under the AI Promotion Act. " +
        "The national AI strategy commits the government to develop a domestic large language model, expand public " +
        "compute for sovereign AI, and set up AI safety evaluations with the AI Safety Institute.";

    private static ExtractedArticle Article(string text, string? description = null, string? title = null, string? language = "en", DateTimeOffset? published = null) =>
        new(title, published, null, language, null, null, text, description);

    [Fact]
    public void BuildsIdentityHashesFromCanonicalUrlAndItemKey()
    {
        var item = new ParsedItem("press-2026-118", "Japan adopts AI Basic Plan", new Uri("https://www8.cao.go.jp/cstp/ai/118.html?utm_source=rss"), null, "Summary.");
        var canonical = new Uri("https://www8.cao.go.jp/cstp/ai/118.html");

        var announcement = AnnouncementBuilder.Build(Source, item, canonical, null, ShippedClassifier.Instance, FetchedAt);

        Assert.Equal(AnnouncementBuilder.Hash("https://www8.cao.go.jp/cstp/ai/118.html"), announcement.UrlHash);
        Assert.Equal(AnnouncementBuilder.Hash("id:press-2026-118"), announcement.ItemKeyHash);
        Assert.Equal(AnnouncementBuilder.Hash(ItemKey.For(item)), announcement.ItemKeyHash);
        Assert.Equal("https://www8.cao.go.jp/cstp/ai/118.html", announcement.CanonicalUrl);
        Assert.Equal("jp-cao", announcement.SourceId);
        Assert.Equal(FetchedAt, announcement.FetchedAt);
        Assert.Matches("^[0-9a-f]{64}$", announcement.UrlHash);
    }

    [Fact]
    public void TakesTheSummaryFromTheArticleWhenTheFeedSummaryIsCut()
    {
        var item = new ParsedItem(null, "Japan adopts AI Basic Plan", new Uri("https://www8.cao.go.jp/a.html"), null, "<p>The Cabinet Office adopted the plan, which…</p>");
        var article = Article(PolicyText, description: "The Cabinet Office adopted Japan's first AI Basic Plan on Friday.");

        var announcement = AnnouncementBuilder.Build(Source, item, item.Link!, article, ShippedClassifier.Instance, FetchedAt);

        Assert.Equal("The Cabinet Office adopted Japan's first AI Basic Plan on Friday.", announcement.Summary);
        Assert.Equal(PolicyText, announcement.Text);
    }

    [Theory]
    [InlineData("The plan, which...")]
    [InlineData("The plan, which […]")]
    public void TreatsEveryCommonTruncationMarkAsCut(string feedSummary)
    {
        var item = new ParsedItem(null, "T", new Uri("https://www8.cao.go.jp/a.html"), null, feedSummary);

        var announcement = AnnouncementBuilder.Build(Source, item, item.Link!, Article(PolicyText, description: "Full lead."), ShippedClassifier.Instance, FetchedAt);

        Assert.Equal("Full lead.", announcement.Summary);
    }

    [Fact]
    public void KeepsACompleteFeedSummaryOverTheArticleDescription()
    {
        var item = new ParsedItem(null, "T", new Uri("https://www8.cao.go.jp/a.html"), null, "<p>The plan sets <b>three</b> goals.</p>");

        var announcement = AnnouncementBuilder.Build(Source, item, item.Link!, Article(PolicyText, description: "Other lead."), ShippedClassifier.Instance, FetchedAt);

        Assert.Equal("The plan sets three goals.", announcement.Summary);
    }

    [Fact]
    public void FallsBackToTheFeedDataWhenThereIsNoArticle()
    {
        var published = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(9));
        var item = new ParsedItem(null, "  ", new Uri("https://www8.cao.go.jp/b.html"), published, null, "<p>Full <em>content</em> from the feed.</p>");

        var announcement = AnnouncementBuilder.Build(Source, item, item.Link!, null, ShippedClassifier.Instance, FetchedAt);

        Assert.Equal("https://www8.cao.go.jp/b.html", announcement.Title);
        Assert.Equal("Full content from the feed.", announcement.Text);
        Assert.Equal("Full content from the feed.", announcement.Summary);
        Assert.Equal("ja", announcement.Language);
        Assert.Equal(new DateTime(2026, 11, 28, 1, 0, 0, DateTimeKind.Utc), announcement.PublishedAt);
        Assert.Equal(AnnouncementBuilder.Hash("Full content from the feed."), announcement.ContentHash);
        Assert.NotEqual(0, announcement.SimHash);
    }

    [Fact]
    public void PrefersArticleTitleOnlyWhenTheItemHasNone()
    {
        var withTitle = new ParsedItem(null, "Feed title", new Uri("https://www8.cao.go.jp/c.html"), null, null);
        var withoutTitle = withTitle with { Title = null };
        var article = Article(PolicyText, title: "Page title", language: "en");

        Assert.Equal("Feed title", AnnouncementBuilder.Build(Source, withTitle, withTitle.Link!, article, ShippedClassifier.Instance, FetchedAt).Title);
        var built = AnnouncementBuilder.Build(Source, withoutTitle, withoutTitle.Link!, article, ShippedClassifier.Instance, FetchedAt);
        Assert.Equal("Page title", built.Title);
        Assert.Equal("en", built.Language);
    }

    [Fact]
    public void UsesThePagesPreciseDateForADateOnlyListingDate()
    {
        var item = new ParsedItem(null, "T", new Uri("https://www8.cao.go.jp/d.html"), new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(9)), null);
        var article = Article(PolicyText, published: new DateTimeOffset(2026, 11, 28, 16, 30, 0, TimeSpan.FromHours(9)));

        var announcement = AnnouncementBuilder.Build(Source, item, item.Link!, article, ShippedClassifier.Instance, FetchedAt);

        Assert.Equal(new DateTime(2026, 11, 28, 7, 30, 0, DateTimeKind.Utc), announcement.PublishedAt);
        Assert.Equal(DateTimeKind.Utc, announcement.PublishedAt!.Value.Kind);
    }

    [Fact]
    public void ClassifiesAnAiPolicyItemAsRelevantAndARocketLaunchAsNot()
    {
        var policy = new ParsedItem(null, "Japan adopts national AI Basic Plan and sovereign LLM programme", new Uri("https://www8.cao.go.jp/e.html"), null, null);
        var rocket = new ParsedItem(
            null,
            "SpaceX Falcon 9 rocket launches Starlink satellites",
            new Uri("https://news.example.com/f.html"),
            null,
            null);
        const string rocketText = "A Falcon 9 rocket lifted off from Cape Canaveral carrying 23 Starlink satellites; the first stage landed on a droneship in the Atlantic.";
        var us = new SourceDefinition { Id = "us-news", Url = new Uri("https://news.example.com/rss"), Country = "US", Language = "en" };

        var relevant = AnnouncementBuilder.Build(Source, policy, policy.Link!, Article(PolicyText), ShippedClassifier.Instance, FetchedAt);
        var irrelevant = AnnouncementBuilder.Build(us, rocket, rocket.Link!, Article(rocketText), ShippedClassifier.Instance, FetchedAt);

        Assert.True(relevant.Relevant, relevant.Reasons);
        Assert.False(irrelevant.Relevant, irrelevant.Reasons);
        Assert.True(relevant.Score > irrelevant.Score, $"{relevant.Score} vs {irrelevant.Score}");
        Assert.NotEmpty(relevant.Topics);
        Assert.Contains("JP", relevant.Countries.Split(' '));
        Assert.DoesNotContain("Falcon", irrelevant.Models, StringComparison.Ordinal);
        Assert.NotEmpty(relevant.Reasons);
    }
}
