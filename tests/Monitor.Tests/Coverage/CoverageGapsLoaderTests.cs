using Monitor.Worker.Coverage;

namespace Monitor.Tests.Coverage;

public sealed class CoverageGapsLoaderTests
{
    [Fact]
    public void ReadsEveryFieldOfValidGaps()
    {
        const string yaml = """
            # curators comment freely
            gaps:
              - country: NL
                body: Rijksoverheid
                checked: https://www.rijksoverheid.nl/
                reason: "RSS retired: feeds host no longer resolves"
                evidence: id:71009345918
              - country: INT
                body: OECD newsroom
                reason: no verified feed
                evidence: public lists disagree
            """;

        var result = CoverageGapsLoader.Parse(yaml, "coverage-gaps.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(
            [
                new CoverageGap("NL", "Rijksoverheid", new Uri("https://www.rijksoverheid.nl/"), "RSS retired: feeds host no longer resolves", "id:71009345918"),
                new CoverageGap("INT", "OECD newsroom", null, "no verified feed", "public lists disagree"),
            ],
            result.Gaps);
    }

    [Fact]
    public void ReportsEveryProblemWithTheEntryAndTheField()
    {
        const string yaml = """
            gaps:
              - country: nl
                body: Rijksoverheid
                checked: ftp://example.org/
                reason: no feed
                evidence: seen
                url: https://x.example/
              - country: MX
                body: Presidencia
                evidence: seen
              - just text
            """;

        var result = CoverageGapsLoader.Parse(yaml, "coverage-gaps.yaml");

        Assert.Empty(result.Gaps);
        var problems = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains(problems, p => p.StartsWith("coverage-gaps.yaml: gaps[0] (line 2): country: 'nl' is not an ISO", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("coverage-gaps.yaml: gaps[0] (line 2): checked: 'ftp://example.org/' is not an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("coverage-gaps.yaml: gaps[0] (line 2): url: unknown key", StringComparison.Ordinal));
        Assert.Contains("coverage-gaps.yaml: gaps[1] (line 8): reason: missing", problems);
        Assert.Contains("coverage-gaps.yaml: gaps[2] (line 11): must be a mapping", problems);
        Assert.Equal(5, problems.Count);
    }

    [Theory]
    [InlineData("sources: []")]
    [InlineData("gaps: none")]
    [InlineData("gaps: []\nextra: 1")]
    [InlineData("gaps: [")]
    public void AFileThatIsNotAGapsListIsOneProblem(string yaml)
    {
        var result = CoverageGapsLoader.Parse(yaml, "coverage-gaps.yaml");

        Assert.Empty(result.Gaps);
        Assert.Single(result.Problems);
    }

    [Fact]
    public void AMissingFileMeansNoGaps()
    {
        var result = CoverageGapsLoader.Load(Path.Combine(AppContext.BaseDirectory, "no-such-dir", "coverage-gaps.yaml"));

        Assert.Empty(result.Gaps);
        Assert.Empty(result.Problems);
    }
}
