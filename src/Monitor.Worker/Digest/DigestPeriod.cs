using System.Globalization;

namespace Monitor.Worker.Digest;

/// <summary>A subscriber's current digest period and whether its digest is due. Pure.</summary>
/// <param name="Key">Ledger key, e.g. <c>daily:2026-11-28</c> or <c>weekly:2026-W48</c>.</param>
/// <param name="Label">Human label for the subject line.</param>
/// <param name="IsDue">True once the subscriber's send hour (and, weekly, Monday) has passed in their time zone.</param>
public sealed record DigestPeriod(string Key, string Label, bool IsDue)
{
    /// <summary>The period containing <paramref name="now"/> for <paramref name="subscriber"/>.</summary>
    public static DigestPeriod For(SubscriberOptions subscriber, DateTimeOffset now)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(subscriber.TimeZone, out var z) ? z : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var afterSendHour = local.Hour >= subscriber.SendHour;
        if (subscriber.Frequency == DigestFrequency.Daily)
        {
            var day = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new DigestPeriod($"daily:{day}", day, afterSendHour);
        }

        var week = ISOWeek.GetWeekOfYear(local.DateTime);
        var year = ISOWeek.GetYear(local.DateTime);
        var monday = local.DayOfWeek == DayOfWeek.Monday;
        return new DigestPeriod($"weekly:{year}-W{week:00}", $"week {week}, {year}", !monday || afterSendHour);
    }
}
