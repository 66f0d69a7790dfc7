using Monitor.Worker.Sources;

namespace Monitor.Tests.Sources;

public sealed class SourceFormatTests
{
    [Theory]
    [InlineData("rss", SourceFormat.Rss)]
    [InlineData("RDF", SourceFormat.Rdf)]
    [InlineData("atom", SourceFormat.Atom)]
    [InlineData("json-feed", SourceFormat.JsonFeed)]
    [InlineData("json", SourceFormat.JsonApi)]
    [InlineData("html", SourceFormat.Html)]
    [InlineData("sitemap", SourceFormat.Sitemap)]
    public void ReadsEveryYamlName(string name, SourceFormat expected)
    {
        Assert.True(SourceFormatNames.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("jsonfeed")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsOtherNames(string? name) => Assert.False(SourceFormatNames.TryParse(name, out _));

    [Theory]
    [InlineData(SourceFormat.Rss, SourceKind.Feed, true)]
    [InlineData(SourceFormat.JsonFeed, SourceKind.Feed, true)]
    [InlineData(SourceFormat.Html, SourceKind.Feed, false)]
    [InlineData(SourceFormat.Html, SourceKind.Listing, true)]
    [InlineData(SourceFormat.Atom, SourceKind.Listing, false)]
    [InlineData(SourceFormat.Sitemap, SourceKind.Sitemap, true)]
    [InlineData(SourceFormat.JsonApi, SourceKind.Json, true)]
    [InlineData(SourceFormat.JsonFeed, SourceKind.Json, false)]
    [InlineData(SourceFormat.Html, SourceKind.Auto, true)]
    [InlineData(SourceFormat.Sitemap, SourceKind.Auto, true)]
    public void AFormatFitsTheKindsThatCanReadIt(SourceFormat format, SourceKind kind, bool fits) =>
        Assert.Equal(fits, SourceFormatNames.Fits(format, kind));

    [Theory]
    [InlineData(SourceFormat.Rss, "RSS")]
    [InlineData(SourceFormat.JsonApi, "JSON API")]
    [InlineData(SourceFormat.Html, "HTML")]
    [InlineData(SourceFormat.Sitemap, "sitemap")]
    public void LabelsFormatsForReaders(SourceFormat format, string label) => Assert.Equal(label, SourceFormatNames.Label(format));
}
