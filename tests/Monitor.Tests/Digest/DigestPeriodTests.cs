using Monitor.Worker.Digest;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Tests.Digest;

public sealed class DigestPeriodTests
{
    private static Subscriber Subscriber(DigestFrequency frequency, string zone, int sendHour) =>
        new() { Email = "a@example.org", EmailKey = "a@example.org", TokenStamp = "s", Frequency = frequency, TimeZone = zone, SendHour = sendHour };

    [Theory]
    [InlineData("2026-11-27T23:30:00Z", "UTC", 7, "daily:2026-11-27", true)]
    [InlineData("2026-11-27T23:30:00Z", "Asia/Tokyo", 7, "daily:2026-11-28", true)]
    [InlineData("2026-11-27T23:30:00Z", "Asia/Tokyo", 9, "daily:2026-11-28", false)]
    [InlineData("2026-11-28T06:59:59Z", "UTC", 7, "daily:2026-11-28", false)]
    [InlineData("2026-11-28T07:00:00Z", "UTC", 7, "daily:2026-11-28", true)]
    [InlineData("2026-11-28T05:00:00Z", "America/Los_Angeles", 7, "daily:2026-11-27", true)]
    [InlineData("2026-11-28T14:59:00Z", "America/Los_Angeles", 7, "daily:2026-11-28", false)]
    [InlineData("2026-11-28T15:00:00Z", "America/Los_Angeles", 7, "daily:2026-11-28", true)]
    [InlineData("2026-11-28T10:00:00Z", "Unknown/Zone", 7, "daily:2026-11-28", true)]
    public void DailyPeriodIsTheLocalDayAndDueAfterTheSendHour(string now, string zone, int sendHour, string key, bool due)
    {
        var period = DigestPeriod.For(Subscriber(DigestFrequency.Daily, zone, sendHour), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.Equal(due, period.IsDue);
        Assert.Equal(DateTime.Parse(key["daily:".Length..], System.Globalization.CultureInfo.InvariantCulture).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), period.Label);
    }

    [Theory]
    [InlineData("2026-11-28T12:00:00Z", "UTC", 7, "weekly:2026-W48", true)]
    [InlineData("2026-11-30T06:00:00Z", "UTC", 7, "weekly:2026-W49", false)]
    [InlineData("2026-11-30T07:00:00Z", "UTC", 7, "weekly:2026-W49", true)]
    [InlineData("2026-12-01T00:30:00Z", "UTC", 7, "weekly:2026-W49", true)]
    [InlineData("2026-11-29T23:30:00Z", "Asia/Tokyo", 7, "weekly:2026-W49", true)]
    [InlineData("2026-11-29T20:00:00Z", "Asia/Tokyo", 7, "weekly:2026-W49", false)]
    [InlineData("2026-11-29T20:00:00Z", "UTC", 7, "weekly:2026-W48", true)]
    [InlineData("2027-01-01T12:00:00Z", "UTC", 7, "weekly:2026-W53", true)]
    [InlineData("2027-01-04T09:00:00Z", "UTC", 7, "weekly:2027-W01", true)]
    public void WeeklyPeriodIsTheIsoWeekAndMondayBeforeTheSendHourIsNotDue(string now, string zone, int sendHour, string key, bool due)
    {
        var period = DigestPeriod.For(Subscriber(DigestFrequency.Weekly, zone, sendHour), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.Equal(due, period.IsDue);
    }

    [Fact]
    public void WeeklyLabelNamesWeekAndYear()
    {
        var period = DigestPeriod.For(Subscriber(DigestFrequency.Weekly, "UTC", 7), new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal("week 48, 2026 (23 Nov – 29 Nov)", period.Label);
    }

    [Fact]
    public void KeyIsStableWithinTheLocalDayAndChangesAtLocalMidnight()
    {
        var subscriber = Subscriber(DigestFrequency.Daily, "Asia/Tokyo", 7);

        var beforeMidnight = DigestPeriod.For(subscriber, new DateTimeOffset(2026, 11, 28, 14, 59, 0, TimeSpan.Zero));
        var morning = DigestPeriod.For(subscriber, new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero));
        var afterMidnight = DigestPeriod.For(subscriber, new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.Zero));

        Assert.Equal(morning.Key, beforeMidnight.Key);
        Assert.NotEqual(beforeMidnight.Key, afterMidnight.Key);
        Assert.False(afterMidnight.IsDue);
    }

    [Theory]
    [InlineData("2026-11-28T14:07:00Z", "instant:2026-11-28T14:00")]
    [InlineData("2026-11-28T14:15:00Z", "instant:2026-11-28T14:15")]
    [InlineData("2026-11-28T14:29:59Z", "instant:2026-11-28T14:15")]
    public void InstantPeriodsAreFifteenMinuteSlotsAlwaysDue(string now, string key)
    {
        var period = DigestPeriod.For(Subscriber(DigestFrequency.Instant, "Asia/Tokyo", 7), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(key, period.Key);
        Assert.True(period.IsDue);
    }
}
