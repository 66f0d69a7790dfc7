using System.IO.Compression;
using Monitor.Tests.Feeds;
using Monitor.Worker.Sitemaps;

namespace Monitor.Tests.Sitemaps;

public sealed class SitemapParserTests
{
    private static readonly Uri Base = new("https://gov.example.org/sitemap.xml");

    [Fact]
    public void ReadsUrlsetWithLastmodAndRelativeLocations()
    {
        var sitemap = SitemapParser.Parse(FeedFixtures.Bytes("sitemaps", "sitemap.xml"), Base);

        Assert.False(sitemap.IsIndex);
        Assert.Equal(4, sitemap.Entries.Count);
        Assert.Equal(new Uri("https://gov.example.org/news/relative-entry"), sitemap.Entries[2].Location);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), sitemap.Entries[1].LastModified);
        Assert.Null(sitemap.Entries[2].LastModified);
    }

    [Fact]
    public void ReadsSitemapIndex()
    {
        var sitemap = SitemapParser.Parse(FeedFixtures.Bytes("sitemaps", "sitemap-index.xml"), Base);

        Assert.True(sitemap.IsIndex);
        Assert.Equal(
            [new Uri("https://gov.example.org/sitemap-news.xml"), new Uri("https://gov.example.org/sitemap-pages.xml.gz")],
            sitemap.Entries.Select(e => e.Location));
    }

    [Fact]
    public void ReadsGoogleNewsExtension()
    {
        var sitemap = SitemapParser.Parse(FeedFixtures.Bytes("sitemaps", "news-sitemap.xml"), Base);

        var first = sitemap.Entries[0];
        Assert.Equal("Government unveils sovereign LLM & compute plan", first.NewsTitle);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 7, 45, 0, TimeSpan.Zero), first.NewsPublished);
        Assert.Equal(first.NewsPublished, first.Published);
    }

    [Fact]
    public void ExtensionLocationsDoNotReplaceThePageLocation()
    {
        const string xml = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
              <url><loc>https://gov.example.org/news/a</loc><image:image><image:loc>https://gov.example.org/img/a.jpg</image:loc></image:image></url>
            </urlset>
            """;

        var entry = Assert.Single(SitemapParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Base).Entries);

        Assert.Equal(new Uri("https://gov.example.org/news/a"), entry.Location);
    }

    [Fact]
    public void DetectsGzipByMagicBytes()
    {
        var plain = FeedFixtures.Bytes("sitemaps", "sitemap.xml");
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        var sitemap = SitemapParser.Parse(compressed.ToArray(), new Uri("https://gov.example.org/sitemap"));

        Assert.Equal(4, sitemap.Entries.Count);
    }

    [Fact]
    public void CorruptGzipIsASitemapParseException()
    {
        byte[] broken = [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02, 0x03];

        var ex = Assert.Throws<SitemapParseException>(() => SitemapParser.Parse(broken, Base));

        Assert.StartsWith("sitemap: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>nope</body></html>")]
    [InlineData("<urlset><url><loc>https://x.example/</loc>")]
    [InlineData("not a url\nnor this")]
    public void RejectsNonSitemaps(string content)
    {
        Assert.Throws<SitemapParseException>(() => SitemapParser.Parse(System.Text.Encoding.UTF8.GetBytes(content), Base));
    }

    [Fact]
    public void SelectsOnlyNewUrlsNewestFirstCapped()
    {
        var sitemap = SitemapParser.Parse(FeedFixtures.Bytes("sitemaps", "sitemap.xml"), Base);
        var known = new HashSet<string>(StringComparer.Ordinal) { "https://gov.example.org/news/compute-call" };

        var selected = SitemapSelection.NewEntries(sitemap.Entries, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), known, max: 2);

        Assert.Equal(
            [new Uri("https://gov.example.org/news/ai-strategy"), new Uri("https://gov.example.org/news/relative-entry")],
            selected.Select(e => e.Location));
    }
}
