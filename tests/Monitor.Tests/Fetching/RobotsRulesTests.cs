using Monitor.Worker.Fetching;

namespace Monitor.Tests.Fetching;

public sealed class RobotsRulesTests
{
    private const string Robots = """
        # a ministry's robots.txt
        User-agent: *
        Disallow: /search
        Disallow: /*.pdf$
        Allow: /search/press

        User-agent: BadBot
        User-agent: MonitorBot
        Disallow: /internal/
        Allow: /internal/press/
        """;

    [Theory]
    [InlineData("MonitorBot", "/news/feed.xml", true)]
    [InlineData("MonitorBot", "/internal/x.html", false)]
    [InlineData("MonitorBot", "/internal/press/1.html", true)]
    [InlineData("MonitorBot", "/search?q=ai", true)]
    [InlineData("OtherBot", "/search?q=ai", false)]
    [InlineData("OtherBot", "/search/press/list", true)]
    [InlineData("OtherBot", "/files/strategy.pdf", false)]
    [InlineData("OtherBot", "/files/strategy.pdf?download=1", true)]
    [InlineData("OtherBot", "/internal/x.html", true)]
    public void FollowsTheMostSpecificGroupAndTheLongestMatch(string agent, string path, bool allowed)
    {
        var rules = RobotsRules.Parse(Robots, agent);

        Assert.Equal(allowed, rules.IsAllowed(new Uri("https://gov.example" + path)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("User-agent: OtherBot\nDisallow: /")]
    [InlineData("Disallow: /\n")]
    public void AllowsEverythingWhenNothingAppliesToUs(string text)
    {
        Assert.True(RobotsRules.Parse(text, "MonitorBot").IsAllowed(new Uri("https://gov.example/news/")));
    }

    [Fact]
    public void DisallowAllBlocksEverything()
    {
        Assert.False(RobotsRules.Parse("User-agent: *\nDisallow: /", "MonitorBot").IsAllowed(new Uri("https://gov.example/rss.xml")));
    }

    [Fact]
    public void TheAgentTokenIsTheUserAgentsProduct()
    {
        Assert.Equal("MonitorBot", PageFetcher.AgentToken("MonitorBot/1.0 (+https://example.org)"));
    }
}
