using Monitor.Worker.Sources;

namespace Monitor.Tests.Sources;

public sealed class PublisherRulesTests
{
    [Theory]
    [InlineData("https://www.digital.go.jp/rss/news.xml", SourcePublisher.Official)]
    [InlineData("https://www.msit.go.kr/bbs/list.do", SourcePublisher.Official)]
    [InlineData("https://www.gov.uk/search/news-and-communications.atom", SourcePublisher.Official)]
    [InlineData("https://www.numerique.gouv.fr/actualites/", SourcePublisher.Official)]
    [InlineData("https://www.gob.mx/innovacion/prensa", SourcePublisher.Official)]
    [InlineData("https://ised-isde.canada.ca.gc.ca/feed", SourcePublisher.Official)]
    [InlineData("https://www.nist.gov/news-events/news/rss.xml", SourcePublisher.Official)]
    [InlineData("https://digital-strategy.ec.europa.eu/en/rss.xml", SourcePublisher.Official)]
    [InlineData("https://oecd.ai/en/feed", SourcePublisher.Official)]
    [InlineData("https://www.coe.int/en/web/artificial-intelligence", SourcePublisher.Official)]
    [InlineData("https://news.un.org/feed/subscribe/en/news/topic/science.xml", SourcePublisher.Official)]
    [InlineData("https://www.bmbf.bund.de/feed.xml", SourcePublisher.Official)]
    [InlineData("https://www.reuters.com/technology/", SourcePublisher.News)]
    [InlineData("https://www.koreaherald.com/rss", SourcePublisher.News)]
    [InlineData("https://restofworld.org/feed/", SourcePublisher.News)]
    [InlineData("https://go.example.com/feed", SourcePublisher.News)]
    public void DefaultsByDomain(string url, SourcePublisher expected) =>
        Assert.Equal(expected, PublisherRules.Default(new Uri(url)));

    [Fact]
    public void AnExplicitPublisherWinsAndAWrongOneIsAProblem()
    {
        const string yaml = """
            sources:
              - id: a
                url: https://www.digital.go.jp/rss/news.xml
                country: JP
                language: ja
                publisher: news
              - id: b
                url: https://example.com/feed
                country: JP
                language: ja
              - id: c
                url: https://example.com/feed2
                country: JP
                language: ja
                publisher: government
            """;

        var result = SourcesFileLoader.Parse(yaml, "sources.yaml");

        Assert.Equal(SourcePublisher.News, result.Sources.Single(s => s.Id == "a").Publisher);
        Assert.Equal(SourcePublisher.News, result.Sources.Single(s => s.Id == "b").Publisher);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("publisher", problem.Field);
        Assert.Contains("official, news", problem.Message, StringComparison.Ordinal);
    }
}
