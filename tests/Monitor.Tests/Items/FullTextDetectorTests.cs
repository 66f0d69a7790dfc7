using Monitor.Worker.Items;

namespace Monitor.Tests.Items;

public sealed class FullTextDetectorTests
{
    private static readonly string Article = string.Concat(Enumerable.Repeat("The ministry published its national AI strategy with funding for compute. ", 15));

    [Fact]
    public void LongContentIsFullText()
    {
        var item = new ParsedItem("1", "T", null, null, "Short summary.", "<p>" + Article + "</p>");

        Assert.True(FullTextDetector.HasFullText(item));
    }

    [Theory]
    [InlineData("Short summary only.")]
    [InlineData(null)]
    public void ShortContentIsATeaser(string? content)
    {
        Assert.False(FullTextDetector.HasFullText(new ParsedItem("1", "T", null, null, content, content)));
    }

    [Theory]
    [InlineData(" […]")]
    [InlineData(" Read more »")]
    [InlineData("…")]
    public void LongTextEndingLikeATeaserIsNotFullText(string ending)
    {
        Assert.False(FullTextDetector.HasFullText(new ParsedItem("1", "T", null, null, null, Article + ending)));
    }
}
