using Monitor.Worker.Discovery;

namespace Monitor.Tests.Discovery;

public sealed class FeedDiscoveryTests
{
    [Fact]
    public void FindsAlternateFeedsInOrderWithCommentFeedsLast()
    {
        const string html = """
            <html><head>
              <link rel="stylesheet" href="/style.css">
              <link rel="alternate" type="application/rss+xml" title="Comments Feed" href="/comments/feed/">
              <link rel="alternate" type="application/rss+xml" title="News" href="/feed/">
              <link rel="alternate" type="application/atom+xml" href="https://gov.example.org/atom.xml">
              <link rel="alternate" type="application/feed+json" href="feed.json">
              <link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
              <link rel="alternate" type="application/rss+xml" href="/feed/">
            </head><body></body></html>
            """;

        var feeds = FeedDiscovery.Discover(html, new Uri("https://gov.example.org/news/"));

        Assert.Equal(
            [
                new Uri("https://gov.example.org/feed/"),
                new Uri("https://gov.example.org/atom.xml"),
                new Uri("https://gov.example.org/news/feed.json"),
                new Uri("https://gov.example.org/comments/feed/"),
            ],
            feeds);
    }

    [Fact]
    public void PageWithoutFeedsYieldsNothing()
    {
        Assert.Empty(FeedDiscovery.Discover("<html><head><title>x</title></head></html>", new Uri("https://gov.example.org/")));
    }
}
