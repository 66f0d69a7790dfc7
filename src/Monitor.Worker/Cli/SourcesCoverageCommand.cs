using Monitor.Worker.Configuration;
using Monitor.Worker.Coverage;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Cli;

/// <summary>The <c>sources coverage</c> verb: the coverage table from <c>sources.yaml</c> and <c>coverage-gaps.yaml</c>.</summary>
public static class SourcesCoverageCommand
{
    /// <summary>
    /// Prints the table as text or Markdown, or with <paramref name="readme"/> rewrites the section between that file's
    /// coverage markers. Exit 1 when the configuration has problems or the file has no markers.
    /// </summary>
    public static async Task<int> RunAsync(ConfigPaths paths, string format, string? readme, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var sources = SourcesFileLoader.Load(paths.SourcesFile);
        var gaps = CoverageGapsLoader.Load(paths.CoverageGapsFile);
        var problems = sources.Problems.Concat(gaps.Problems).ToList();
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"{problems.Count} problem(s) in {paths.Directory}:");
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"  - {problem}");
            }

            return 1;
        }

        var report = CoverageReport.Build(sources.Sources, gaps.Gaps);
        if (readme is null)
        {
            await output.WriteAsync(format == "markdown" ? CoverageMarkdown.Render(report) : CoverageText.Render(report));
            return 0;
        }

        var before = await File.ReadAllTextAsync(readme, cancellationToken);
        var after = ReadmeSection.Replace(before, CoverageMarkdown.Render(report));
        if (after is null)
        {
            await error.WriteLineAsync($"error: {readme} has no '{ReadmeSection.Start}' line followed by a '{ReadmeSection.End}' line to put the table between");
            return 1;
        }

        if (after == before)
        {
            await output.WriteLineAsync($"{readme}: the coverage table is up to date ({report.Rows.Count} sources, {report.Gaps.Count} gaps)");
            return 0;
        }

        await File.WriteAllTextAsync(readme, after, cancellationToken);
        await output.WriteLineAsync($"{readme}: coverage table rewritten ({report.Rows.Count} sources, {report.Gaps.Count} gaps)");
        return 0;
    }
}
