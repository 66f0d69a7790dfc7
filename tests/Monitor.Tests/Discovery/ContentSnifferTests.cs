using System.IO.Compression;
using System.Text;
using Monitor.Worker.Discovery;

namespace Monitor.Tests.Discovery;

public sealed class ContentSnifferTests
{
    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>", null, ContentKind.Feed)]
    [InlineData("<?xml version=\"1.0\"?><!-- generator --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "text/html", ContentKind.Feed)]
    [InlineData("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", null, ContentKind.Feed)]
    [InlineData("<?xml version=\"1.0\"?><?xml-stylesheet href=\"s.xsl\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">", null, ContentKind.Sitemap)]
    [InlineData("<sitemapindex>", null, ContentKind.Sitemap)]
    [InlineData("<!DOCTYPE html><html><head>", "application/rss+xml", ContentKind.Html)]
    [InlineData("  <html lang=\"en\">", null, ContentKind.Html)]
    [InlineData("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[]}", "application/json", ContentKind.JsonFeed)]
    [InlineData("{\"count\":2,\"results\":[]}", null, ContentKind.Json)]
    [InlineData("plain words", "text/plain", ContentKind.Unknown)]
    [InlineData("plain words", "text/html; charset=utf-8", ContentKind.Html)]
    public void DetectsFromContent(string head, string? contentType, ContentKind expected)
    {
        Assert.Equal(expected, ContentSniffer.Detect(Encoding.UTF8.GetBytes(head), contentType));
    }

    [Fact]
    public void LooksInsideGzip()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><urlset><url><loc>https://x.example/</loc></url></urlset>"));
        }

        Assert.Equal(ContentKind.Sitemap, ContentSniffer.Detect(compressed.ToArray(), "application/octet-stream"));
    }

    [Fact]
    public void DetectsUtf16Feed()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss>")).ToArray();

        Assert.Equal(ContentKind.Feed, ContentSniffer.Detect(bytes, null));
    }
}
