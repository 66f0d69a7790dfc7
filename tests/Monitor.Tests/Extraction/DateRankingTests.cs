using System.Globalization;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class DateRankingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private const string Body = "<p>The ministry published its annual report on artificial intelligence, covering compute, data and skills.</p>";

    [Theory]
    [InlineData("<footer><p>© 2024 Ministry of Digital Affairs</p></footer>", null)]
    [InlineData("<footer><p>Copyright 2019-2024 Ministry. Updated 12 May 2024</p></footer>", null)]
    [InlineData("<p class=\"date\">Published 3 May 2024</p>", "2024-05-03")]
    public void IgnoresCopyrightYears(string fragment, string? expected)
    {
        var article = ArticleExtractor.Extract($"<html><body><h1>Annual AI report</h1>{Body}{fragment}</body></html>", null, Now);

        Assert.Equal(expected, Format(article.Published));
    }

    [Theory]
    [InlineData("2031-01-01T10:00:00Z", null)]
    [InlineData("1990-06-01", null)]
    [InlineData("2026-11-28T08:00:00Z", "2026-11-28")]
    public void RejectsDatesAfterNowOrBefore1995(string metaDate, string? expected)
    {
        var html = $"<html><head><meta property=\"article:published_time\" content=\"{metaDate}\"></head><body><h1>Report</h1>{Body}</body></html>";

        Assert.Equal(expected, Format(ArticleExtractor.Extract(html, null, Now).Published));
    }

    [Fact]
    public void FallsBackToTheNextSignalWhenTheFirstIsInTheFuture()
    {
        var html = "<html><head><meta property=\"article:published_time\" content=\"2031-01-01\"></head>"
            + $"<body><h1>Report</h1><time datetime=\"2024-02-29\">29 Feb</time>{Body}</body></html>";

        Assert.Equal("2024-02-29", Format(ArticleExtractor.Extract(html, null, Now).Published));
    }

    [Fact]
    public void JsonLdBeatsVisibleDate()
    {
        var article = ArticleExtractor.Extract(Fixture.Bytes("jsonld-contradicting-date.html"), null, null, Now);

        Assert.Equal("2024-05-02", Format(article.Published));
    }

    [Fact]
    public void MicrodataBeatsGenericMetaDate()
    {
        var html = "<html><head><meta name=\"date\" content=\"2020-02-12\"></head><body><h1>Report</h1>"
            + $"<span itemprop=\"datePublished\" content=\"2020-02-05\">5 Feb</span>{Body}</body></html>";

        Assert.Equal("2020-02-05", Format(ArticleExtractor.Extract(html, null, Now).Published));
    }

    [Fact]
    public void ReadsDateFromUrlWhenPageHasNone()
    {
        var html = $"<html><body><h1>Report</h1>{Body}</body></html>";

        var article = ArticleExtractor.Extract(html, new Uri("https://example.org/news/2023/07/09/report.html"), Now);

        Assert.Equal("2023-07-09", Format(article.Published));
    }

    [Fact]
    public void DatesUtcStampInPublisherTimeZone()
    {
        // 23:30 UTC on 6 November is already 7 November in Berlin, where a .de page is published.
        var html = "<html><head><meta property=\"article:published_time\" content=\"2022-11-06T23:30:00Z\"></head>"
            + $"<body><h1>Bericht</h1>{Body}</body></html>";

        var article = ArticleExtractor.Extract(html, new Uri("https://example.de/a"), Now);

        Assert.Equal("2022-11-07", Format(article.Published));
    }

    [Fact]
    public void IgnoresTodaysDateInTheSiteHeader()
    {
        var html = "<html><body><header class=\"site-header\"><span class=\"date\">Freitag, 27. November 2026</span><a href=\"/\">Der Kurier</a></header>"
            + $"<article><h1>Bericht</h1><p class=\"date\">Veröffentlicht am 3. Mai 2024</p>{Body}</article></body></html>";

        Assert.Equal("2024-05-03", Format(ArticleExtractor.Extract(html, null, Now).Published));
    }

    private static string? Format(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
