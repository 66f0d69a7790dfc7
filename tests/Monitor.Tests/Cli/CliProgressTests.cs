using Monitor.Worker.Cli;

namespace Monitor.Tests.Cli;

/// <summary>Progress of long verbs when the output is not a terminal: plain lines, then the count and rate, and only
/// then whatever the verb prints after the work (its summary table).</summary>
public sealed class CliProgressTests
{
    [Fact]
    public void ARedirectedOutputIsNeverLive()
    {
        Assert.False(CliProgress.IsLive(new StringWriter()));
    }

    [Fact]
    public async Task PlainLinesForEveryStepThenTheRateThenTheSummary()
    {
        var output = new StringWriter();

        var result = await CliProgress.RunAsync(output, "crawl", 3, progress =>
        {
            progress.Step("a: ok (2 new)");
            progress.Step("b: failed (0 new): HTTP 500", keep: true);
            progress.Step("c: ok (0 new)");
            return Task.FromResult(42);
        }, everyStep: true, unit: "sources");
        await output.WriteLineAsync("SUMMARY");

        Assert.Equal(42, result);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["[1/3] a: ok (2 new)", "[2/3] b: failed (0 new): HTTP 500", "[3/3] c: ok (0 new)"], lines[..3]);
        Assert.Matches(@"^crawl: 3 sources in \d+\.\d s \(\d+\.\d/s\)$", lines[3]);
        Assert.Equal("SUMMARY", lines[4]);
    }

    [Fact]
    public async Task ManyQuickStepsPrintTheKeptOnesAndTheLast()
    {
        var output = new StringWriter();

        await CliProgress.RunAsync(output, "digest", 1000, progress =>
        {
            for (var i = 1; i <= 1000; i++)
            {
                progress.Step($"s{i}@example.org: {(i == 500 ? "failed" : "sent")}", keep: i == 500);
            }

            return Task.FromResult(0);
        });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length < 20, $"{lines.Length} lines for 1000 quick steps");
        Assert.Contains("[500/1000] s500@example.org: failed", lines);
        Assert.Contains("[1000/1000] s1000@example.org: sent", lines);
        Assert.StartsWith("digest: 1,000 steps in ", lines[^1], StringComparison.Ordinal);
    }
}
