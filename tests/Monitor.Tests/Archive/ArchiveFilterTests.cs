using Monitor.Worker.Archive;

namespace Monitor.Tests.Archive;

public sealed class ArchiveFilterTests
{
    private static (ArchiveFilter Filter, IReadOnlyList<string> Problems) Parse(string query)
    {
        var values = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : ""));
        return ArchiveFilter.Parse(key => values.GetValueOrDefault(key));
    }

    [Fact]
    public void ReadsEveryFilterAndWritesItBackInOneOrder()
    {
        var (filter, problems) = Parse("?q=sovereign+AI&to=2026-11-30&language=JA&country=jp&topic=Model&from=2026-11-01");
        Assert.Empty(problems);
        Assert.Equal(new ArchiveFilter("model", "JP", "ja", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), "sovereign AI"), filter);
        Assert.Equal(filter.Words, Parse(filter.QueryString()).Filter.Words);
        Assert.Equal("?topic=model&country=JP&language=ja&from=2026-11-01&to=2026-11-30&q=sovereign%20AI", filter.QueryString());
        Assert.Equal("?topic=model&language=ja&from=2026-11-01&to=2026-11-30&q=sovereign%20AI&before=1-2", filter.QueryString("country", ("before", "1-2")));
        Assert.Equal(["w:sovereign", "w:ai", "c:JP", "l:ja", "t:model"], filter.Terms);
    }

    [Fact]
    public void EmptyValuesMeanAnyAndBadOnesAreExplained()
    {
        var (empty, none) = Parse("?topic=&country=&q=%20");
        Assert.Empty(none);
        Assert.True(empty.IsEmpty);
        Assert.Equal(["*"], empty.Terms);

        var (filter, problems) = Parse("?topic=weather&country=XX&language=english!&from=2026-13-01&to=2026-11-01&q=" + new string('a', 201));
        Assert.Equal(new ArchiveFilter(To: new DateOnly(2026, 11, 1)), filter);
        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("There is no topic “weather”", StringComparison.Ordinal));

        var (reversed, why) = Parse("?from=2026-11-30&to=2026-11-01");
        Assert.Null(reversed.From);
        Assert.Equal("The start date is after the end date.", Assert.Single(why));
    }

    [Fact]
    public void MatchesIsTheInMemoryTwinOfTheIndex()
    {
        var day = new DateTime(2026, 11, 20, 23, 59, 0, DateTimeKind.Utc);
        var terms = ArchiveTerms.For(true, "Japan releases Takane", null, "", "model", "JP", "ja");
        Assert.True(new ArchiveFilter(Topic: "model", To: DateOnly.FromDateTime(day)).Matches(terms, day));
        Assert.False(new ArchiveFilter(To: DateOnly.FromDateTime(day).AddDays(-1)).Matches(terms, day));
        Assert.False(new ArchiveFilter(From: DateOnly.FromDateTime(day).AddDays(1)).Matches(terms, day));
        Assert.True(new ArchiveFilter(Text: "TAKANE japan").Matches(terms, day));
        Assert.False(new ArchiveFilter(Text: "takane korea").Matches(terms, day));
        Assert.False(new ArchiveFilter().Matches(ArchiveTerms.For(false, "Japan", null, "", "model", "JP", "ja"), day));
    }

    [Theory]
    [InlineData("638000000000000000-42", true)]
    [InlineData("1-2", true)]
    [InlineData("-2", false)]
    [InlineData("abc-2", false)]
    [InlineData("99999999999999999999-2", false)]
    [InlineData("", false)]
    public void CursorsRoundTripAndRejectAnythingElse(string value, bool valid)
    {
        Assert.Equal(valid, ArchiveCursor.TryParse(value, out var cursor));
        if (valid)
        {
            Assert.Equal(value, cursor.ToString());
        }
    }
}
