using System.Globalization;
using System.Text;
using Monitor.Worker.Crawling;

namespace Monitor.Worker.Cli;

/// <summary>Formats crawl outcomes as a plain-text table.</summary>
public static class CrawlSummaryTable
{
    /// <summary>The table, with a totals line.</summary>
    public static string Format(IReadOnlyList<CrawlOutcome> outcomes)
    {
        var rows = outcomes.Select(o => new[]
        {
            o.SourceId, o.Status, o.ItemsSeen.ToString(CultureInfo.InvariantCulture), o.ItemsNew.ToString(CultureInfo.InvariantCulture),
            o.ItemsRelevant.ToString(CultureInfo.InvariantCulture), ((long)o.Elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture),
            Shorten(o.Message ?? ""),
        }).ToList();
        rows.Add(["TOTAL", $"{outcomes.Count(o => o.Status is "ok" or "not-modified")}/{outcomes.Count} ok",
            outcomes.Sum(o => o.ItemsSeen).ToString(CultureInfo.InvariantCulture), outcomes.Sum(o => o.ItemsNew).ToString(CultureInfo.InvariantCulture),
            outcomes.Sum(o => o.ItemsRelevant).ToString(CultureInfo.InvariantCulture), "", ""]);
        return Table(["source", "status", "items", "new", "relevant", "ms", "note"], rows);
    }

    /// <summary>A left-aligned text table.</summary>
    public static string Table(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(string[] cells) => text.AppendLine(string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line(widths.Select(w => new string('-', w)).ToArray());
        foreach (var row in rows)
        {
            Line(row);
        }

        return text.ToString();
    }

    private static string Shorten(string value) => value.Length <= 70 ? value : value[..67] + "...";
}
