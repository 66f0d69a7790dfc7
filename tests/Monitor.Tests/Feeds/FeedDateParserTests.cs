using Monitor.Worker.Feeds;

namespace Monitor.Tests.Feeds;

public sealed class FeedDateParserTests
{
    [Theory]
    // RFC 822 / 1123, with and without day names, named, numeric and military zones.
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 +0100", "2025-03-14T08:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 -0530", "2025-03-14T15:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30 UT", "2025-03-14T09:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 Z", "2025-03-14T09:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 EST", "2025-03-14T14:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 EDT", "2025-03-14T13:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 PST", "2025-03-14T17:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:30:00 CDT", "2025-03-14T14:30:00Z")]
    [InlineData("Fri, 14 Mar 2025 18:00:00 JST", "2025-03-14T09:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 18:00:00 KST", "2025-03-14T09:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 10:00:00 CET", "2025-03-14T09:00:00Z")]
    [InlineData("Mon, 14 Jul 2025 10:00:00 CEST", "2025-07-14T08:00:00Z")]
    [InlineData("Mon, 14 Jul 2025 10:00:00 BST", "2025-07-14T09:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 14:30:00 IST", "2025-03-14T09:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 20:00:00 AEST", "2025-03-14T10:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 10:00:00 GMT+2", "2025-03-14T08:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:00:00 A", "2025-03-14T10:00:00Z")]
    [InlineData("Fri, 14 Mar 2025 09:00:00 N", "2025-03-14T08:00:00Z")]
    // Two-digit years.
    [InlineData("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Fri, 31 Dec 99 23:59:59 GMT", "1999-12-31T23:59:59Z")]
    // ISO 8601 / W3C-DTF.
    [InlineData("2025-03-14T09:00:00Z", "2025-03-14T09:00:00Z")]
    [InlineData("2025-03-14T09:00:00.123456+02:00", "2025-03-14T07:00:00.123456Z")]
    [InlineData("2025-03-14T09:00:00+0200", "2025-03-14T07:00:00Z")]
    [InlineData("2025-03-14 09:00:00", "2025-03-14T09:00:00Z")]
    [InlineData("2025-03-14T09:00Z", "2025-03-14T09:00:00Z")]
    [InlineData("20250314T090000Z", "2025-03-14T09:00:00Z")]
    [InlineData("20250314", "2025-03-14T00:00:00Z")]
    [InlineData("2025-03-14", "2025-03-14T00:00:00Z")]
    // Textual dates in several languages.
    [InlineData("14 March 2025", "2025-03-14T00:00:00Z")]
    [InlineData("March 14, 2025", "2025-03-14T00:00:00Z")]
    [InlineData("14 mars 2025", "2025-03-14T00:00:00Z")]
    [InlineData("14. März 2025", "2025-03-14T00:00:00Z")]
    [InlineData("14 de marzo de 2025", "2025-03-14T00:00:00Z")]
    [InlineData("mar. 15 avril 2025", "2025-04-15T00:00:00Z")]
    [InlineData("March 14, 2025 3:30 PM", "2025-03-14T15:30:00Z")]
    // Numeric CJK and slashed forms.
    [InlineData("2025年3月14日", "2025-03-14T00:00:00Z")]
    [InlineData("2025年3月14日 10時", "2025-03-14T00:00:00Z")]
    [InlineData("2025. 3. 14.", "2025-03-14T00:00:00Z")]
    [InlineData("２０２５年３月１４日", "2025-03-14T00:00:00Z")]
    [InlineData("2025년 3월 14일 오후 3:30", "2025-03-14T15:30:00Z")]
    [InlineData("2025/03/14", "2025-03-14T00:00:00Z")]
    [InlineData("2025-3-14", "2025-03-14T00:00:00Z")]
    [InlineData("14.03.2025", "2025-03-14T00:00:00Z")]
    [InlineData("03/14/2025", "2025-03-14T00:00:00Z")]
    public void ParsesKnownForms(string text, string expectedUtc)
    {
        var parsed = FeedDateParser.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), parsed.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a date")]
    [InlineData("Fri, 32 Mar 2025 09:00:00 GMT")]
    [InlineData("2025-02-30")]
    [InlineData("2025-13-01")]
    [InlineData("25:61")]
    [InlineData("1710406800")]
    [InlineData("March 2025")]
    public void ReturnsNullForNonDates(string? text)
    {
        Assert.Null(FeedDateParser.Parse(text));
    }

    [Fact]
    public void DateWithoutZoneTakesTheDefaultZone()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Tokyo", "JST");

        var parsed = FeedDateParser.Parse("2025年3月14日 10:00", tokyo);

        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.FromHours(9)), parsed);
        Assert.Equal(new DateTime(2025, 3, 14, 1, 0, 0), parsed!.Value.UtcDateTime);
    }

    [Fact]
    public void ExplicitZoneWinsOverDefaultZone()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Tokyo", "JST");

        var parsed = FeedDateParser.Parse("2025-03-14T10:00:00Z", tokyo);

        Assert.Equal(TimeSpan.Zero, parsed!.Value.Offset);
    }

    [Fact]
    public void NeverThrowsOnHostileInput()
    {
        string[] inputs = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00", "99999999", "+-+-:::", new string('9', 5000), "\0\u0001"];
        foreach (var input in inputs)
        {
            _ = FeedDateParser.Parse(input);
        }

        Assert.Null(FeedDateParser.Parse("0001-01-01T00:00:00+14:00"));
    }
}
