using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests;

/// <summary><c>sources coverage</c> as the command line runs it, on a configuration directory of the test's own.</summary>
public sealed class SourcesCoverageCommandTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public SourcesCoverageCommandTests()
    {
        _env.WriteSources("""
            sources:
              - id: jp-meti
                name: METI
                url: https://www.meti.go.jp/ml_index_release_atom.xml
                kind: feed
                format: atom
                country: JP
                language: ja
                publisher: official
                notes: "V — id:1: curl 200"
              - id: news-bt
                url: https://www.businesstimes.com.sg/rss/technology
                country: SG
                language: en
                notes: "C — list"
            """);
        WriteGaps("""
            gaps:
              - country: NL
                body: Rijksoverheid
                reason: feeds retired
                evidence: id:2
            """);
    }

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task PrintsATextTableWithTheCountsAndTheGaps()
    {
        var (code, output) = await RunAsync("sources", "coverage");

        Assert.Equal(0, code);
        Assert.Contains("2 sources, 2 enabled: 1 official in 1 countries, 0 EU, 0 international, 1 news in 1 countries; 1 known gaps", output, StringComparison.Ordinal);
        Assert.Matches(@"JP\s+jp-meti\s+feed\s+Atom\s+official\s+V", output);
        Assert.Matches(@"SG\s+news-bt\s+auto\s+unknown\s+news\s+C", output);
        Assert.Contains("NL   Rijksoverheid: feeds retired", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintsMarkdownForTheReadme()
    {
        var (code, output) = await RunAsync("sources", "coverage", "--format", "markdown");

        Assert.Equal(0, code);
        Assert.Contains("| Japan (JP) | `jp-meti` METI | feed | Atom | official | V — id:1: curl 200 |", output, StringComparison.Ordinal);
        Assert.Contains("| Netherlands (NL) | Rijksoverheid | feeds retired | id:2 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewritesTheReadmeSectionOnceAndThenReportsItUpToDate()
    {
        var readme = Path.Combine(_env.Root, "README.md");
        File.WriteAllText(readme, "# Project\n\n<!-- coverage:start -->\nstale\n<!-- coverage:end -->\n\n## After\n");

        var (first, firstOutput) = await RunAsync("sources", "coverage", "--readme", readme);
        var written = File.ReadAllText(readme);
        var (second, secondOutput) = await RunAsync("sources", "coverage", "--readme", readme);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("coverage table rewritten (2 sources, 1 gaps)", firstOutput, StringComparison.Ordinal);
        Assert.Contains("the coverage table is up to date", secondOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", written, StringComparison.Ordinal);
        Assert.StartsWith("# Project\n\n<!-- coverage:start -->\n**2 sources**", written, StringComparison.Ordinal);
        Assert.EndsWith("|\n<!-- coverage:end -->\n\n## After\n", written, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(readme));
    }

    [Fact]
    public async Task AReadmeWithoutMarkersIsLeftAloneAndFails()
    {
        var readme = Path.Combine(_env.Root, "README.md");
        File.WriteAllText(readme, "# Project\n");

        var (code, output) = await RunAsync("sources", "coverage", "--readme", readme);

        Assert.Equal(1, code);
        Assert.Contains("has no '<!-- coverage:start -->' line", output, StringComparison.Ordinal);
        Assert.Equal("# Project\n", File.ReadAllText(readme));
    }

    [Fact]
    public async Task ProblemsInEitherFileAreListedWithFileEntryAndField()
    {
        WriteGaps("gaps:\n  - country: Netherlands\n    body: Rijksoverheid\n    evidence: id:2\n");
        _env.WriteSources("sources:\n  - id: jp-x\n    url: https://www.meti.go.jp/\n    kind: feed\n    format: html\n    country: JP\n    language: ja\n");

        var (code, output) = await RunAsync("sources", "coverage");

        Assert.Equal(1, code);
        Assert.Contains("sources.yaml: jp-x: format: 'html' does not fit kind feed", output, StringComparison.Ordinal);
        Assert.Contains("coverage-gaps.yaml: gaps[0] (line 2): country: 'Netherlands' is not an ISO", output, StringComparison.Ordinal);
        Assert.Contains("coverage-gaps.yaml: gaps[0] (line 2): reason: missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourcesCheckValidatesTheGapsListToo()
    {
        File.WriteAllText(Path.Combine(_env.ConfigDirectory, "appsettings.json"), $$$"""{"ConnectionStrings": {"Monitor": "Data Source={{{_env.DatabasePath}}}"} }""");
        var (valid, _) = await RunAsync("sources", "check");
        WriteGaps("gaps:\n  - country: NL\n    body: Rijksoverheid\n    reason: retired\n    evidence: id:2\n    seen: 2026\n");

        var (code, output) = await RunAsync("sources", "check");

        Assert.Equal((0, 1), (valid, code));
        Assert.Contains("coverage-gaps.yaml: gaps[0] (line 2): seen: unknown key", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownFormatIsAUsageError()
    {
        var (code, output) = await RunAsync("sources", "coverage", "--format", "html");

        Assert.Equal(2, code);
        Assert.Contains("--format takes text or markdown", output, StringComparison.Ordinal);
    }

    private void WriteGaps(string yaml) => File.WriteAllText(Path.Combine(_env.ConfigDirectory, "coverage-gaps.yaml"), yaml);

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync([.. args, "--config", _env.ConfigDirectory], output, error);
        return (code, output + error.ToString());
    }
}
