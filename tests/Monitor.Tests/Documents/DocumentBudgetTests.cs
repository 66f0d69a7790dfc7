using Monitor.Worker.Documents;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Documents;

public sealed class DocumentBudgetTests
{
    [Fact]
    public void WorkPastTheBudgetFailsWithTheStageNamed()
    {
        var error = Assert.Throws<DocumentBudgetException>(() => DocumentBudget.Run("extraction", TimeSpan.FromMilliseconds(50), token =>
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
            }
#pragma warning disable CS0162
            return 0;
#pragma warning restore CS0162
        }, CancellationToken.None));

        Assert.StartsWith("extraction: gave up after 0.05 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancellationFromOutsideStaysACancellation()
    {
        using var outer = new CancellationTokenSource();
        outer.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => DocumentBudget.Run("feed", TimeSpan.FromSeconds(10), token =>
        {
            token.ThrowIfCancellationRequested();
            return 0;
        }, outer.Token));
    }

    [Fact]
    public void TwoHundredThousandNestedDivsAreFlattenedAndTheirTextKept()
    {
        const int levels = 200_000;
        var html = "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", levels)) + "hello deep world"
            + string.Concat(Enumerable.Repeat("</div>", levels)) + "</body></html>";

        using var document = HtmlDocuments.Parse(html, CancellationToken.None);
        var depth = 0;
        for (var e = document.QuerySelector("div"); e is not null; e = e.FirstElementChild)
        {
            depth++;
        }

        Assert.InRange(depth, 500, HtmlDocuments.MaxDepth);
        Assert.Contains("hello deep world", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("hello deep world", ArticleExtractor.Extract(html, null, DateTimeOffset.UtcNow, CancellationToken.None).Text);
    }

    [Fact]
    public void FormattingTagsLeftOpenByTheDozenAreClosedBeforeTheTreeBuilderMultipliesThem()
    {
        var html = "<body><p>" + string.Concat(Enumerable.Range(1, 60).Select(i => $"<b id=\"b{i}\">")) + "</p>" + string.Concat(Enumerable.Repeat("<p>x</p>", 5000));

        using var document = HtmlDocuments.Parse(html, CancellationToken.None);

        Assert.Equal(5001, document.QuerySelectorAll("p").Length);
        Assert.True(document.QuerySelectorAll("b").Length < 60 + (3 * 5000), $"{document.QuerySelectorAll("b").Length} <b> elements");
    }

    [Fact]
    public void FormattingTagsLeftOpenAreReopenedAsBrowsersDoUntilTheyHaveBeenReopenedThousandsOfTimes()
    {
        // One <b> left open over 10 paragraphs: re-opened in each, exactly the browser's tree.
        using (var few = HtmlDocuments.Parse("<body><p><b>bold</p>" + string.Concat(Enumerable.Repeat("<p>x</p>", 10)), CancellationToken.None))
        {
            Assert.Equal(11, few.QuerySelectorAll("b").Length);
        }

        // Two left open over 40,000 paragraphs would make 80,000 more elements; past the re-open budget they are closed.
        using var many = HtmlDocuments.Parse("<body><p><b><i>x</p>" + string.Concat(Enumerable.Repeat("<p>x</p>", 40_000)), CancellationToken.None);
        Assert.Equal(40_001, many.QuerySelectorAll("p").Length);
        Assert.InRange(many.QuerySelectorAll("b, i").Length, 2_000, 6_000);
    }

    [Fact]
    public void APageOfMoreElementsThanOnePageMayBuildIsRefusedWithTheReason()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Range(1, 150_000).Select(i => $"<a href=\"/x{i}\">{i}</a>")) + "</body></html>";

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DocumentBudgetException>(() => HtmlDocuments.Parse(html, CancellationToken.None));
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal("html: the page has more than 100,000 elements, more than one page may build", error.Message);

        // Its start tags are counted before a tree is built, so it is refused without building the first 100,000
        // elements (69 MB allocated before it was refused): what is left is the count itself and the exception.
        Assert.True(allocated < 4 * 1024 * 1024, $"{allocated / 1024.0 / 1024:0.0} MB allocated to refuse the page");
    }
}
