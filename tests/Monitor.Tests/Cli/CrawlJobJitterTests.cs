using Monitor.Worker.Scheduling;

namespace Monitor.Tests.Cli;

public sealed class CrawlJobJitterTests
{
    [Theory]
    [InlineData("jp-cao", 120)]
    [InlineData("eu-digital-strategy", 120)]
    [InlineData("x", 1)]
    [InlineData("a-very-long-source-identifier-that-overflows-the-hash-many-times-over", 3600)]
    public void IsStablePerSourceAndWithinTheMaximum(string sourceId, int maxSeconds)
    {
        var first = CrawlJob.Jitter(sourceId, maxSeconds);

        Assert.Equal(first, CrawlJob.Jitter(sourceId, maxSeconds));
        Assert.InRange(first, TimeSpan.Zero, TimeSpan.FromSeconds(maxSeconds));
        Assert.Equal(0, first.Ticks % TimeSpan.TicksPerSecond);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void IsZeroWhenTheMaximumIsZeroOrLess(int maxSeconds)
    {
        Assert.Equal(TimeSpan.Zero, CrawlJob.Jitter("jp-cao", maxSeconds));
    }

    [Fact]
    public void SpreadsSourcesOverTheWindow()
    {
        var delays = Enumerable.Range(0, 50).Select(i => CrawlJob.Jitter($"source-{i}", 120)).ToHashSet();

        Assert.True(delays.Count >= 20, $"only {delays.Count} distinct delays for 50 sources");
    }
}
