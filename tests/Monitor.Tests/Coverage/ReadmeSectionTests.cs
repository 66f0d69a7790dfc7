using Monitor.Worker.Coverage;

namespace Monitor.Tests.Coverage;

public sealed class ReadmeSectionTests
{
    private const string Readme = "# Title\n\n## Coverage\n\n<!-- coverage:start -->\nold table\n<!-- coverage:end -->\n\n## Next\n";

    [Fact]
    public void ReplacesOnlyTheTextBetweenTheMarkers()
    {
        var updated = ReadmeSection.Replace(Readme, "| new | table |\n");

        Assert.Equal("# Title\n\n## Coverage\n\n<!-- coverage:start -->\n| new | table |\n<!-- coverage:end -->\n\n## Next\n", updated);
        Assert.Equal("| new | table |\n", ReadmeSection.Extract(updated!));
    }

    [Fact]
    public void ReplacingWithTheSameContentChangesNothing()
    {
        var once = ReadmeSection.Replace(Readme, "table\n")!;

        Assert.Equal(once, ReadmeSection.Replace(once, "table\n"));
    }

    [Theory]
    [InlineData("no markers at all")]
    [InlineData("<!-- coverage:end -->\n<!-- coverage:start -->")]
    [InlineData("<!-- coverage:start -->\nno end")]
    public void MissingOrReversedMarkersAreReportedAsNull(string readme)
    {
        Assert.Null(ReadmeSection.Extract(readme));
        Assert.Null(ReadmeSection.Replace(readme, "x"));
    }
}
