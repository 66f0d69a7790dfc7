using Monitor.Worker.Cli;
using Monitor.Worker.Crawling;

namespace Monitor.Tests.Cli;

public sealed class CrawlSummaryTableTests
{
    [Fact]
    public void AlignsColumnsAndEndsWithATotalsRow()
    {
        var table = CrawlSummaryTable.Format(
        [
            new CrawlOutcome("jp-cao", "ok", 12, 3, 2, null, TimeSpan.FromMilliseconds(1234.7)),
            new CrawlOutcome("eu-digital-strategy", "not-modified", 0, 0, 0, null, TimeSpan.FromMilliseconds(88)),
            new CrawlOutcome("kr-msit", "failed", 0, 0, 0, "HTTP 503", TimeSpan.FromMilliseconds(5)),
        ]);

        var lines = table.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(6, lines.Length);
        Assert.Equal("source               status        items  new  relevant  ms    note", lines[0]);
        Assert.Equal("-------------------  ------------  -----  ---  --------  ----  --------", lines[1]);
        Assert.Equal("jp-cao               ok            12     3    2         1234", lines[2]);
        Assert.Equal("kr-msit              failed        0      0    0         5     HTTP 503", lines[4]);
        Assert.Equal("TOTAL                2/3 ok        12     3    2", lines[5]);
        var statusColumn = lines[0].IndexOf("status", StringComparison.Ordinal);
        Assert.All(lines.Skip(2), l => Assert.NotEqual(' ', l[statusColumn]));
        Assert.All(lines, l => Assert.Equal(l.TrimEnd(), l));
    }

    [Fact]
    public void ShortensLongNotes()
    {
        var note = new string('x', 100);

        var table = CrawlSummaryTable.Format([new CrawlOutcome("a", "failed", 0, 0, 0, note, TimeSpan.Zero)]);

        Assert.Contains(new string('x', 67) + "...", table, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 68), table, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyRunStillPrintsHeaderAndTotals()
    {
        var lines = CrawlSummaryTable.Format([]).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.Equal("TOTAL   0/0 ok  0      0    0", lines[2]);
    }

    [Fact]
    public void TableWithoutRowsIsAsWideAsItsHeader()
    {
        var lines = CrawlSummaryTable.Table(["id", "state"], []).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["id  state", "--  -----"], lines);
    }
}
