using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

/// <summary>Small pages, one rule each: what the main-text extraction keeps and drops around an article.</summary>
public sealed class MainTextRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private const string Paragraphs =
        "<p>The national research council announced on Monday that it will train an open language model on public archives, with compute donated by three universities.</p>"
        + "<p>The first version, expected next spring, will cover the official languages of the country and will be released with its training data documented.</p>"
        + "<p>Officials said the project would cost less than a single fighter jet and would be audited by an independent board every year.</p>";

    private static string Text(string body) => ArticleExtractor.Extract($"<html><body>{body}</body></html>", null, Now).Text;

    [Fact]
    public void CutsRelatedArticlesAfterTheText()
    {
        var text = Text($"<div class=\"story\">{Paragraphs}<h3>Related articles</h3><p>Chip export rules tighten again for the third time this year, officials say.</p></div>");

        Assert.Contains("audited by an independent board", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Chip export rules", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DropsClosingCallToActionButKeepsArticleMentionOfNewsletter()
    {
        var text = Text($"<div class=\"story\"><p>The council will publish a newsletter for municipalities explaining how to use the model in their own services and what it costs them.</p>{Paragraphs}<p>Subscribe to our newsletter for more stories like this.</p></div>");

        Assert.Contains("publish a newsletter for municipalities", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Subscribe to our newsletter", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>Read also: Why GPUs are so expensive</p>")]
    [InlineData("<p>Lesen Sie auch: Warum Grafikkarten so teuer sind</p>")]
    [InlineData("<p>Foto: dpa/Max Mustermann</p>")]
    [InlineData("<p>Views: 1120 | Tags: AI, policy | Comments: 3</p>")]
    [InlineData("<p>- Anzeige -</p>")]
    [InlineData("<p>March 14, 2025</p>")]
    public void DropsFurnitureLinesInsideTheText(string furniture)
    {
        var text = Text($"<div class=\"story\">{Paragraphs[..^4]}</p>{furniture}{Paragraphs}</div>");

        Assert.DoesNotContain(System.Net.WebUtility.HtmlDecode(furniture[3..^4]), text, StringComparison.Ordinal);
        Assert.Contains("released with its training data documented", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsLeadPrintedBeforeTheBodyContainer()
    {
        var text = Text($"<article><header><h1>Council to train open model</h1><p class=\"lead\">An open model for every public office, trained on the country's own archives.</p></header><div class=\"article-body\">{Paragraphs}</div></article>");

        Assert.StartsWith("An open model for every public office", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsArticleBodyHiddenByPaywallStyle()
    {
        var text = Text($"<nav><a href=\"/\">Home</a></nav><div class=\"teaser\"><p>Short teaser.</p></div><div style=\"display:none\" class=\"paywall-full-content\">{Paragraphs}</div>");

        Assert.Contains("compute donated by three universities", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DropsHiddenMenus()
    {
        var text = Text($"<div style=\"display: none\"><p>Mobile menu: News, Sport, Weather, Culture, Business, Science, Travel</p></div><div class=\"story\">{Paragraphs}</div>");

        Assert.DoesNotContain("Mobile menu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void RendersListsAndTablesAsText()
    {
        var text = Text($"<div class=\"story\">{Paragraphs}<ul><li>First cluster in the north region</li><li>Second cluster in the south region</li></ul><table><tr><td>Budget</td><td>2.4 bn</td></tr></table></div>");

        Assert.Contains("First cluster in the north region\n\nSecond cluster in the south region", text, StringComparison.Ordinal);
        Assert.Contains("Budget 2.4 bn", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsWordBoundariesAcrossInlineTags()
    {
        var text = Text($"<div class=\"story\"><p>The <a href=\"/c\">council</a>'s plan was <em>approved</em>by lawmakers, with <b>312</b> votes in favour and 141 against the bill.</p>{Paragraphs}</div>");

        Assert.Contains("The council's plan was approvedby lawmakers, with 312 votes", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>")]
    [InlineData("just text, no markup at all")]
    [InlineData("<html><head><script type=\"application/ld+json\">{not json</script></head><body></body></html>")]
    public void DegenerateInputGivesEmptyResultNotException(string html)
    {
        var article = ArticleExtractor.Extract(html, null, Now);

        Assert.NotNull(article.Text);
        Assert.Null(article.Published);
    }

    [Fact]
    public void BinaryGarbageDoesNotThrow()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);

        var article = ArticleExtractor.Extract(bytes, null, null, Now);

        Assert.NotNull(article.Text);
    }
}
