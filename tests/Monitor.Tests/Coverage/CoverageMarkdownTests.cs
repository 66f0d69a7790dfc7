using Monitor.Worker.Coverage;
using Monitor.Worker.Sources;
using static Monitor.Tests.Coverage.CoverageTestSources;

namespace Monitor.Tests.Coverage;

public sealed class CoverageMarkdownTests
{
    [Fact]
    public void WritesOneRowPerSourceWithItsEvidenceAndTheCountsAbove()
    {
        var markdown = CoverageMarkdown.Render(CoverageReport.Build(
            [Source("jp-meti", "JP", notes: "V — id:1: 200"), Source("news-x", "JP", SourcePublisher.News, enabled: false, notes: "C — list")],
            []));

        var lines = markdown.Split('\n');
        Assert.StartsWith("**2 sources** (1 enabled; ", lines[0], StringComparison.Ordinal);
        Assert.Contains("**1 official sources in 1 countries**", lines[0], StringComparison.Ordinal);
        Assert.Contains("| Japan (JP) | `jp-meti` JP-METI | feed | RSS | official | V — id:1: 200 |", lines);
        Assert.Contains("| Japan (JP) | `news-x` NEWS-X (disabled) | feed | RSS | news | C — list |", lines);
        Assert.DoesNotContain("what is missing", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsEachCellOnOneLineAndEscapesPipesAndTags()
    {
        var markdown = CoverageMarkdown.Render(CoverageReport.Build(
            [Source("ca-x", "CA", notes: "C — a | b\nsecond line; pages are /news/<slug> & more")],
            [new CoverageGap("MX", "Presidencia", new Uri("https://www.gob.mx/"), "no feed | none", "id:2")]));

        Assert.Contains("| C — a \\| b second line; pages are /news/&lt;slug&gt; &amp; more |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Mexico (MX) | Presidencia (https://www.gob.mx/) | no feed \\| none | id:2 |", markdown, StringComparison.Ordinal);
        Assert.All(markdown.Split('\n').Where(l => l.StartsWith('|')), l => Assert.EndsWith("|", l, StringComparison.Ordinal));
    }
}
