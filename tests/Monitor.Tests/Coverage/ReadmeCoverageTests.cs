using Monitor.Tests.Config;
using Monitor.Worker.Coverage;
using Monitor.Worker.Sources;

namespace Monitor.Tests.Coverage;

/// <summary>The README's coverage table is generated; this fails when it no longer matches the shipped configuration.</summary>
public sealed class ReadmeCoverageTests
{
    [Fact]
    public void ReadmeTableMatchesTheCommandOutputForTheShippedConfiguration()
    {
        var sources = SourcesFileLoader.Load(RepositoryPaths.Config.SourcesFile);
        var gaps = CoverageGapsLoader.Load(RepositoryPaths.Config.CoverageGapsFile);
        Assert.Empty(sources.Problems);
        Assert.Empty(gaps.Problems);
        var expected = CoverageMarkdown.Render(CoverageReport.Build(sources.Sources, gaps.Gaps));

        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var actual = ReadmeSection.Extract(readme);

        Assert.True(actual is not null, $"README.md has no {ReadmeSection.Start} ... {ReadmeSection.End} section");
        Assert.True(
            expected == actual,
            "README.md's coverage table differs from the configuration; run " +
            "`dotnet run --project src/Monitor.Worker -- sources coverage --readme README.md` and commit the result. First difference at line " +
            FirstDifference(expected, actual));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        return $"{i + 1}:\n  expected: {(i < e.Length ? e[i] : "(end)")}\n  README:   {(i < a.Length ? a[i] : "(end)")}";
    }
}
