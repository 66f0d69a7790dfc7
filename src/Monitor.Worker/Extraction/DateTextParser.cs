using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Worker.Extraction;

/// <summary>
/// Parses dates written for machines (ISO 8601, RFC 1123, compact) and for people in many languages and formats:
/// 2025-03-14, 2025.03.14, 2025年3月14日, 令和7年3月14日, 2025년 3월 14일, 14.03.2025, 14 mars 2025, 14. März 2025,
/// March 14, 2025.
/// </summary>
internal static partial class DateTextParser
{
    /// <summary>Parses a machine-readable date (meta content, JSON-LD, datetime attribute), else a human one.</summary>
    public static DateTimeOffset? ParseMachine(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var s = value.Trim();
        var iso = IsoPrefix().Match(s);
        if (iso.Success)
        {
            if (s.Length > 10 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var full))
            {
                return full;
            }

            return Make(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value);
        }

        var compact = Compact().Match(s);
        if (compact.Success)
        {
            return Make(compact.Groups["y"].Value, compact.Groups["m"].Value, compact.Groups["d"].Value);
        }

        // Without a four-digit year the framework's parser would complete "14:33" or "March 5" with today's date.
        if (Year().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return FindInText(s, monthFirst: false);
    }

    /// <summary>Finds the first date written in free text.</summary>
    /// <param name="text">Text to search.</param>
    /// <param name="monthFirst">Whether ambiguous numeric dates are month/day/year (US English).</param>
    public static DateTimeOffset? FindInText(string text, bool monthFirst)
    {
        foreach (Match m in HumanDate().Matches(text))
        {
            var date = FromMatch(m, monthFirst);
            if (date is not null)
            {
                return date;
            }
        }

        return null;
    }

    private static DateTimeOffset? FromMatch(Match m, bool monthFirst)
    {
        var g = m.Groups;
        if (g["iy"].Success)
        {
            return Make(g["iy"].Value, g["im"].Value, g["id"].Value);
        }

        if (g["cy"].Success)
        {
            return Make(g["cy"].Value, g["cm"].Value, g["cd"].Value);
        }

        if (g["era"].Success)
        {
            var n = g["ey"].Value == "元" ? 1 : int.Parse(g["ey"].Value, CultureInfo.InvariantCulture);
            var year = (g["era"].Value == "令和" ? 2018 : 1988) + n;
            return Make(year.ToString(CultureInfo.InvariantCulture), g["em"].Value, g["ed"].Value);
        }

        if (g["ny"].Success)
        {
            var a = int.Parse(g["na"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(g["nb"].Value, CultureInfo.InvariantCulture);
            var (day, month) = a > 12 ? (a, b) : b > 12 ? (b, a) : monthFirst ? (b, a) : (a, b);
            return Make(g["ny"].Value, month, day);
        }

        if (g["dy"].Success)
        {
            var month = MonthNames.Lookup(g["dm"].Value);
            return month == 0 ? null : Make(g["dy"].Value, month.ToString(CultureInfo.InvariantCulture), g["dd"].Value);
        }

        if (g["my"].Success)
        {
            var month = MonthNames.Lookup(g["mm"].Value);
            return month == 0 ? null : Make(g["my"].Value, month.ToString(CultureInfo.InvariantCulture), g["md"].Value);
        }

        return null;
    }

    private static DateTimeOffset? Make(string year, int month, int day)
        => Make(year, month.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture));

    private static DateTimeOffset? Make(string year, string month, string day)
    {
        if (!int.TryParse(year, CultureInfo.InvariantCulture, out var y) || !int.TryParse(month, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, CultureInfo.InvariantCulture, out var d))
        {
            return null;
        }

        if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateTimeOffset(y, m, d, 0, 0, 0, TimeSpan.Zero);
    }

    [GeneratedRegex(@"(?<!\d)(19|20)\d{2}(?!\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})")]
    private static partial Regex IsoPrefix();

    [GeneratedRegex(@"^(?<y>(?:19|20)\d{2})(?<m>[01]\d)(?<d>[0-3]\d)(?:\D|$)")]
    private static partial Regex Compact();

    [GeneratedRegex(
        @"(?<!\d)(?<iy>(?:19|20)\d{2})\s?[-/.]\s?(?<im>[01]?\d)\s?[-/.]\s?(?<id>[0-3]?\d)(?!\d)" +
        @"|(?<cy>(?:19|20)\d{2})\s*[年년]\s*(?<cm>[01]?\d)\s*[月월]\s*(?<cd>[0-3]?\d)\s*[日일]?" +
        @"|(?<era>令和|平成)\s*(?<ey>元|\d{1,2})\s*年\s*(?<em>[01]?\d)\s*月\s*(?<ed>[0-3]?\d)\s*日" +
        @"|(?<!\d)(?<na>[0-3]?\d)\s?[./-]\s?(?<nb>[01]?\d)\s?[./-]\s?(?<ny>(?:19|20)\d{2})(?!\d)" +
        @"|(?<!\d)(?<dd>[0-3]?\d)(?:\.|er|º|°|th|st|nd|rd)?\s*(?:de\s+|-)?(?<dm>\p{L}{3,11})\.?,?\s*(?:de\s+|-)?(?<dy>(?:19|20)\d{2})(?!\d)" +
        @"|(?<mm>\p{L}{3,11})\.?\s+(?<md>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?<my>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex HumanDate();
}
