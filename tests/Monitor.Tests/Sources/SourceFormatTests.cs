using Monitor.Worker.Sources;

namespace Monitor.Tests.Sources;

public sealed class SourceFormatTests
{
    [Theory]
    [InlineData("feed", "rss", SourceFormat.Rss)]
    [InlineData("feed", "RDF", SourceFormat.Rdf)]
    [InlineData("feed", "atom", SourceFormat.Atom)]
    [InlineData("feed", "json-feed", SourceFormat.JsonFeed)]
    [InlineData("listing", "html", SourceFormat.Html)]
    [InlineData("sitemap", "sitemap", SourceFormat.Sitemap)]
    [InlineData("auto", "html", SourceFormat.Html)]
    [InlineData("auto", "rss", SourceFormat.Rss)]
    public void ReadsTheFormatTheEvidenceShows(string kind, string format, SourceFormat expected)
    {
        var yaml = $"""
            sources:
              - id: x
                url: https://www.example.org/news
                kind: {kind}
                format: {format}
                country: JP
                language: ja
            """;

        var result = SourcesFileLoader.Parse(yaml, "sources.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(expected, Assert.Single(result.Sources).Format);
    }

    [Fact]
    public void FormatIsOptional()
    {
        var result = SourcesFileLoader.Parse("sources:\n  - id: x\n    url: https://www.example.org/feed\n    country: JP\n    language: ja\n", "sources.yaml");

        Assert.Null(Assert.Single(result.Sources).Format);
    }

    [Theory]
    [InlineData(SourceFormat.Rss, "RSS")]
    [InlineData(SourceFormat.JsonApi, "JSON API")]
    [InlineData(SourceFormat.Html, "HTML")]
    [InlineData(SourceFormat.Sitemap, "sitemap")]
    public void LabelsFormatsForReaders(SourceFormat format, string label) => Assert.Equal(label, SourceFormatNames.Label(format));
}
