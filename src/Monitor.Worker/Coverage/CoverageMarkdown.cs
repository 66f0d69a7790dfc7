using System.Globalization;
using System.Text;

namespace Monitor.Worker.Coverage;

/// <summary>The coverage report as the Markdown that README.md carries between its coverage markers. Pure.</summary>
public static class CoverageMarkdown
{
    /// <summary>The Markdown text, ending with a newline.</summary>
    public static string Render(CoverageReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(Summary(report));
        text.AppendLine();
        text.AppendLine("| country | source | kind | format | publisher | evidence |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            var source = $"`{row.SourceId}` {row.SourceName}{(row.Enabled ? "" : " (disabled)")}";
            Line(text, CoverageReport.CountryLabel(row.Country), source, row.Kind, row.Format,
                row.Publisher.ToString().ToLowerInvariant(), row.Notes.Length == 0 ? "none given" : row.Notes);
        }

        if (report.Gaps.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Bodies with no machine-readable listing that works, so no source of their own (the reason says what covers them instead):");
            text.AppendLine();
            text.AppendLine("| country | body | what is missing | evidence |");
            text.AppendLine("|---|---|---|---|");
            foreach (var gap in report.Gaps)
            {
                var body = gap.Checked is null ? gap.Body : $"{gap.Body} ({gap.Checked})";
                Line(text, CoverageReport.CountryLabel(gap.Country), body, gap.Reason, gap.Evidence);
            }
        }

        return text.ToString();
    }

    /// <summary>The one-paragraph summary with the counts.</summary>
    public static string Summary(CoverageReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"**{report.Rows.Count} sources** ({report.Enabled} enabled; the counts below are of enabled sources): " +
        $"**{report.NationalOfficial} official sources in {report.OfficialCountries} countries**, {report.EuOfficial} of EU institutions " +
        $"and {report.InternationalOfficial} of international bodies; **{report.News} news outlets** based in {report.NewsCountries} countries " +
        $"(EU and international counted as one each); {report.Gaps.Count} known gaps. Evidence levels (shared/DOMAIN.md §0): " +
        $"V = a public repository reports fetching it (HTTP 200, a real feed) on a stated date; C = only configured in public feed " +
        $"lists; P = a stored copy of the page was seen; L = an HTML listing page; W = a known access problem.");

    private static void Line(StringBuilder text, params string[] cells) =>
        text.Append("| ").AppendJoin(" | ", cells.Select(Cell)).AppendLine(" |");

    // A table cell holds one line; a pipe would end it and <slug> would be read as an HTML tag.
    private static string Cell(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);
}
