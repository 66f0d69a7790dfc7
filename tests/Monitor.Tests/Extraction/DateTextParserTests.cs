using System.Globalization;
using Monitor.Worker.Extraction;

namespace Monitor.Tests.Extraction;

public sealed class DateTextParserTests
{
    [Theory]
    [InlineData("Veröffentlicht: 2025年3月14日 10時", "2025-03-14")]
    [InlineData("令和7年3月14日", "2025-03-14")]
    [InlineData("平成元年1月9日", "1989-01-09")]
    [InlineData("등록일 2025년 3월 14일", "2025-03-14")]
    [InlineData("Stand: 2025.03.14", "2025-03-14")]
    [InlineData("2025/3/4 update", "2025-03-04")]
    [InlineData("publié le 14 mars 2025 à 10h", "2025-03-14")]
    [InlineData("Berlin, 14. März 2025", "2025-03-14")]
    [InlineData("14 de marzo de 2025", "2025-03-14")]
    [InlineData("14 marca 2025 r.", "2025-03-14")]
    [InlineData("14 مارس 2025", "2025-03-14")]
    [InlineData("March 14, 2025", "2025-03-14")]
    [InlineData("Sept. 3rd, 2024", "2024-09-03")]
    [InlineData("14.03.2025", "2025-03-14")]
    [InlineData("no date here, only 2025", null)]
    [InlineData("31.02.2025", null)]
    public void FindsHumanDates(string text, string? expected)
        => Assert.Equal(expected, Format(DateTextParser.FindInText(text, monthFirst: false)));

    [Theory]
    [InlineData("03/04/2025", true, "2025-03-04")]
    [InlineData("03/04/2025", false, "2025-04-03")]
    [InlineData("13/04/2025", true, "2025-04-13")]
    public void ResolvesAmbiguousNumericDatesByLocale(string text, bool monthFirst, string expected)
        => Assert.Equal(expected, Format(DateTextParser.FindInText(text, monthFirst)));

    [Theory]
    [InlineData("2025-03-14T23:30:00-05:00", "2025-03-14T23:30:00-05:00")]
    [InlineData("2025-03-14", "2025-03-14T00:00:00+00:00")]
    [InlineData("20250314", "2025-03-14T00:00:00+00:00")]
    [InlineData("Fri, 14 Mar 2025 09:00:00 GMT", "2025-03-14T09:00:00+00:00")]
    public void ParsesMachineDates(string value, string expected)
        => Assert.Equal(expected, DateTextParser.ParseMachine(value)?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("14:33")]
    [InlineData("March 5")]
    [InlineData("vor 3 Stunden")]
    public void NeverCompletesAPartialDateWithToday(string value) => Assert.Null(DateTextParser.ParseMachine(value));

    private static string? Format(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
