using System.Globalization;
using System.Text;
using Monitor.Worker.Cli;

namespace Monitor.Worker.Coverage;

/// <summary>The coverage report as plain text for a terminal: the counts, a table of sources, then the gaps. Pure.</summary>
public static class CoverageText
{
    /// <summary>The text, ending with a newline.</summary>
    public static string Render(CoverageReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Rows.Count} sources, {report.Enabled} enabled: {report.NationalOfficial} official in {report.OfficialCountries} countries, " +
            $"{report.EuOfficial} EU, {report.InternationalOfficial} international, {report.News} news in {report.NewsCountries} countries; {report.Gaps.Count} known gaps"));
        text.AppendLine();
        var rows = report.Rows.Select(r => new[]
        {
            r.Country, r.SourceId + (r.Enabled ? "" : " (disabled)"), r.Kind, r.Format, r.Publisher.ToString().ToLowerInvariant(),
            r.Evidence.Length == 0 ? "?" : r.Evidence,
        }).ToList();
        text.Append(CrawlSummaryTable.Table(["country", "source", "kind", "format", "publisher", "evidence"], rows));
        if (report.Gaps.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("No machine-readable listing that works:");
            foreach (var gap in report.Gaps)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {gap.Country,-3}  {gap.Body}: {gap.Reason}");
            }
        }

        return text.ToString();
    }
}
