using System.Text.RegularExpressions;
using Monitor.Worker.Feeds;

namespace Monitor.Worker.Listings;

/// <summary>Finds the first date written inside a run of text ("Published 14 March 2025 — Ministry of ..."). Pure.</summary>
internal static partial class TextDateFinder
{
    /// <summary>The first date-looking phrase in <paramref name="text"/> that <see cref="FeedDateParser"/> reads.</summary>
    public static DateTimeOffset? Find(string? text, TimeZoneInfo? zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (Match m in Candidate().Matches(text))
        {
            if (FeedDateParser.Parse(m.Value, zone) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    // ISO/CJK numeric (2025-03-14, 2025/3/14, 2025. 3. 14., 2025年3月14日, 2025년 3월 14일), day-first numeric
    // (14.03.2025, 14/03/2025), day-month-year words (14 March 2025, 14. März 2025, 14 de marzo de 2025),
    // month-day-year words (March 14, 2025); each optionally followed by a time.
    [GeneratedRegex(
        @"\d{4}\s*[-/.年년]\s*\d{1,2}\s*[-/.月월]\s*\d{1,2}(?:\s*[日일.])?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?)?"
        + @"|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"
        + @"|\b\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,}\.?,?\s+(?:de\s+)?\d{4}(?:,?\s+\d{1,2}:\d{2})?"
        + @"|\b\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?:,?\s+\d{1,2}:\d{2})?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();
}
