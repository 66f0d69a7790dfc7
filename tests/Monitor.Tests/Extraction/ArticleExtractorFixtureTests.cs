using System.Text.Json;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class ArticleExtractorFixtureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Fixtures() => new()
    {
        "news-with-comments",
        "jsonld-contradicting-date",
        "ja-press-release.sjis",
        "ko-notice.euckr",
        "ar-rtl",
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ExtractsFixtureAsExpected(string name)
    {
        var article = ArticleExtractor.Extract(Fixture.Bytes(name + ".html"), null, null, Now);
        using var expected = JsonDocument.Parse(Fixture.Text(name + ".expected.json"));
        var root = expected.RootElement;

        Assert.Equal(root.GetProperty("title").GetString(), article.Title);
        Assert.Equal(root.GetProperty("date").GetString(), article.Published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(root.GetProperty("language").GetString(), article.Language);
        if (root.TryGetProperty("modified", out var modified))
        {
            Assert.Equal(modified.GetString(), article.Modified?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (root.TryGetProperty("author", out var author))
        {
            Assert.Equal(author.GetString(), article.Author);
        }

        if (root.TryGetProperty("canonicalUrl", out var canonical))
        {
            Assert.Equal(canonical.GetString(), article.CanonicalUrl?.AbsoluteUri);
        }

        foreach (var text in root.GetProperty("contains").EnumerateArray())
        {
            Assert.Contains(text.GetString()!, article.Text, StringComparison.Ordinal);
        }

        foreach (var text in root.GetProperty("excludes").EnumerateArray())
        {
            Assert.DoesNotContain(text.GetString()!, article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SeparatesParagraphsWithBlankLine()
    {
        var article = ArticleExtractor.Extract(Fixture.Bytes("news-with-comments.html"), null, null, Now);

        Assert.Contains(
            "public GPU clusters, clearing the way for a sovereign language model trained on the country’s own archives, court records and broadcast transcripts.\n\nThe plan, backed by 312 votes",
            article.Text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DropsTheHeadlineFromTheBody()
    {
        var article = ArticleExtractor.Extract(Fixture.Bytes("news-with-comments.html"), null, null, Now);

        Assert.StartsWith("Lawmakers on Thursday", article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SharedParserGivesSameResultsUnderConcurrency()
    {
        var names = new[] { "news-with-comments.html", "jsonld-contradicting-date.html", "ja-press-release.sjis.html", "ko-notice.euckr.html", "ar-rtl.html" };
        var pages = names.Select(Fixture.Bytes).ToArray();
        var expected = pages.Select(p => ArticleExtractor.Extract(p, null, null, Now).Text).ToArray();
        var results = new string[200];

        Parallel.For(0, results.Length, i => results[i] = ArticleExtractor.Extract(pages[i % pages.Length], null, null, Now).Text);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % pages.Length], results[i]);
        }
    }
}
