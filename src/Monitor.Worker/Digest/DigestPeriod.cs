using System.Globalization;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>A subscriber's current digest period and whether its digest is due. Pure.</summary>
/// <param name="Key">Ledger key, e.g. <c>daily:2026-11-28</c>, <c>weekly:2026-W48</c> or <c>instant:2026-11-28T14:15</c>.</param>
/// <param name="Label">Human label for the subject line and the top of the digest.</param>
/// <param name="IsDue">True once the subscriber's send hour (and, weekly, Monday) has passed in their time zone; always for instant.</param>
public sealed record DigestPeriod(string Key, string Label, bool IsDue)
{
    /// <summary>Length of an instant period: instant subscribers get at most one mail per slot.</summary>
    public static readonly TimeSpan InstantSlot = TimeSpan.FromMinutes(15);

    /// <summary>The period containing <paramref name="now"/> for <paramref name="subscriber"/>.</summary>
    public static DigestPeriod For(Subscriber subscriber, DateTimeOffset now) =>
        For(subscriber.Frequency, subscriber.SendHour, subscriber.TimeZone, now);

    /// <summary>The period containing <paramref name="now"/> for a schedule.</summary>
    public static DigestPeriod For(DigestFrequency frequency, int sendHour, string timeZone, DateTimeOffset now)
    {
        var zone = Zone(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var afterSendHour = local.Hour >= sendHour;
        switch (frequency)
        {
            case DigestFrequency.Instant:
                var slot = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % InstantSlot.Ticks), TimeSpan.Zero);
                var slotLocal = TimeZoneInfo.ConvertTime(slot, zone);
                return new DigestPeriod(
                    $"instant:{slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)}",
                    slotLocal.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture), true);
            case DigestFrequency.Weekly:
                var week = ISOWeek.GetWeekOfYear(local.DateTime);
                var year = ISOWeek.GetYear(local.DateTime);
                var monday = local.DayOfWeek == DayOfWeek.Monday;
                var start = ISOWeek.ToDateTime(year, week, DayOfWeek.Monday);
                return new DigestPeriod($"weekly:{year}-W{week:00}",
                    string.Create(CultureInfo.InvariantCulture, $"week {week}, {year} ({start:d MMM} – {start.AddDays(6):d MMM})"), !monday || afterSendHour);
            default:
                return new DigestPeriod($"daily:{local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), afterSendHour);
        }
    }

    /// <summary>The time zone with this IANA id, or UTC.</summary>
    public static TimeZoneInfo Zone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
