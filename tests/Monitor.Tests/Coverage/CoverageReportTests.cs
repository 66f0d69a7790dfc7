using Monitor.Worker.Coverage;
using Monitor.Worker.Sources;
using static Monitor.Tests.Coverage.CoverageTestSources;

namespace Monitor.Tests.Coverage;

public sealed class CoverageReportTests
{
    [Fact]
    public void OrdersCountriesByNameThenTheEuThenInternationalBodiesOfficialFirst()
    {
        var report = CoverageReport.Build(
            [
                Source("int-un", "INT"), Source("eu-dg", "EU"), Source("jp-news", "JP", SourcePublisher.News), Source("at-bka", "AT"),
                Source("au-pm", "AU"), Source("jp-meti", "JP"), Source("jp-digital", "JP"),
            ],
            []);

        // Australia sorts before Austria by name, though AT sorts before AU by code.
        Assert.Equal(["au-pm", "at-bka", "jp-digital", "jp-meti", "jp-news", "eu-dg", "int-un"], report.Rows.Select(r => r.SourceId));
    }

    [Fact]
    public void CountsOnlyEnabledSourcesAndKeepsTheEuAndInternationalBodiesApart()
    {
        var report = CoverageReport.Build(
            [
                Source("jp-a", "JP"), Source("jp-b", "JP"), Source("kr-a", "KR"), Source("de-off", "DE", enabled: false),
                Source("eu-a", "EU"), Source("int-a", "INT"), Source("int-b", "INT"),
                Source("news-jp", "JP", SourcePublisher.News), Source("news-eu", "EU", SourcePublisher.News), Source("news-off", "US", SourcePublisher.News, enabled: false),
            ],
            [new CoverageGap("NL", "Rijksoverheid", null, "no feed", "seen")]);

        Assert.Equal(10, report.Rows.Count);
        Assert.Equal(8, report.Enabled);
        Assert.Equal(3, report.NationalOfficial);
        Assert.Equal(2, report.OfficialCountries);
        Assert.Equal(1, report.EuOfficial);
        Assert.Equal(2, report.InternationalOfficial);
        Assert.Equal(2, report.News);
        Assert.Equal(2, report.NewsCountries);
        Assert.Single(report.Gaps);
    }

    [Fact]
    public void ShowsKindFormatAndTheEvidenceLevelOfEachSource()
    {
        var report = CoverageReport.Build(
            [
                Source("pl-kprm", "PL", kind: SourceKind.Listing, format: SourceFormat.Html, notes: "V/L — PL-probe: 200"),
                Source("xx-new", "PL", kind: SourceKind.Auto, format: null, notes: null),
            ],
            []);

        var listing = report.Rows.Single(r => r.SourceId == "pl-kprm");
        Assert.Equal(("listing", "HTML", "V/L"), (listing.Kind, listing.Format, listing.Evidence));
        var bare = report.Rows.Single(r => r.SourceId == "xx-new");
        Assert.Equal(("auto", "unknown", "", ""), (bare.Kind, bare.Format, bare.Evidence, bare.Notes));
    }

    [Theory]
    [InlineData("JP", "Japan (JP)")]
    [InlineData("KR", "South Korea (KR)")]
    [InlineData("TW", "Taiwan (TW)")]
    [InlineData("EU", "European Union")]
    [InlineData("INT", "International bodies")]
    public void LabelsCountriesByNameAndCode(string code, string label) => Assert.Equal(label, CoverageReport.CountryLabel(code));
}
