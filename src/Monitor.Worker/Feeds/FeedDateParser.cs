using System.Globalization;

namespace Monitor.Worker.Feeds;

/// <summary>
/// A forgiving date parser for feeds and pages: RFC 822/1123 (with or without day names, named, numeric and
/// military zones, two-digit years), ISO 8601 / W3C-DTF (extended and basic, fractional seconds, date only),
/// textual dates in several languages ("14 March 2025", "14 mars 2025", "14. März 2025", "March 14, 2025")
/// and the numeric CJK forms (2025年3月14日, 2025. 3. 14., 2025/03/14, 2025-3-14). Pure; never throws.
/// </summary>
/// <remarks>
/// One tokenizer handles every form instead of a list of exact patterns, because real feeds mix them freely
/// ("Thu, 1 Jan 04 9:00:00 EST", "2004-01-01 19:48:21+0200"). Unknown words (day names, "de", "Posted") are
/// ignored; a date needs at least a year, a month and a day. Ambiguous all-numeric dates (03/04/2025) are read
/// day first, as almost every government outside the US writes them.
/// </remarks>
public static class FeedDateParser
{
    /// <summary>Parses <paramref name="text"/>; a date without a zone is taken in <paramref name="defaultZone"/> (UTC when null).</summary>
    /// <returns>The instant, or null when the text holds no recognisable date.</returns>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo? defaultZone = null)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
        {
            return null;
        }

        var parts = new DateParts();
        if (!DateTokenizer.Read(FoldFullWidth(text).AsSpan().Trim(), ref parts))
        {
            return null;
        }

        return Build(ref parts, defaultZone);
    }

    private static DateTimeOffset? Build(ref DateParts p, TimeZoneInfo? defaultZone)
    {
        if (!p.TryResolveDate(out var year, out var month, out var day))
        {
            return null;
        }

        var hour = p.Hour;
        if (p.Meridiem == 'p' && hour < 12)
        {
            hour += 12;
        }
        else if (p.Meridiem == 'a' && hour == 12)
        {
            hour = 0;
        }

        var extraDay = false;
        if (hour == 24 && p.Minute == 0 && p.Second == 0)
        {
            hour = 0;
            extraDay = true;
        }

        if (year is < 1 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour is < 0 or > 23 || p.Minute is < 0 or > 59 || p.Second is < 0 or > 60)
        {
            return null;
        }

        // A leap second (":60") is read as the last second of the minute rather than rejected.
        var local = new DateTime(year, month, day, hour, p.Minute, Math.Min(p.Second, 59), DateTimeKind.Unspecified)
            .AddTicks(p.FractionTicks);
        if (extraDay)
        {
            local = local.AddDays(1);
        }

        TimeSpan offset;
        if (p.OffsetMinutes is { } minutes)
        {
            if (Math.Abs(minutes) > 14 * 60)
            {
                return null;
            }

            offset = TimeSpan.FromMinutes(minutes);
        }
        else
        {
            offset = (defaultZone ?? TimeZoneInfo.Utc).GetUtcOffset(local);
        }

        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        return new DateTimeOffset(local, offset);
    }

    /// <summary>Japanese and Chinese sites often write dates with full-width digits and colons (２０２５年３月１４日).</summary>
    private static string FoldFullWidth(string text)
    {
        if (!text.Any(c => c is >= '\uFF10' and <= '\uFF1A'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\uFF10' and <= '\uFF1A' ? (char)(c - '\uFF10' + '0') : c;
            }
        });
    }

    internal static int ExpandTwoDigitYear(int year) => year switch
    {
        < 70 => 2000 + year,
        < 100 => 1900 + year,
        _ => year,
    };

    internal static string Format(DateTimeOffset value)
        => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
