using Monitor.Worker.Archive;

namespace Monitor.Tests.Archive;

public sealed class ArchiveTermsTests
{
    [Theory]
    [InlineData("Korea's AI Basic Act: enforcement decree", new[] { "korea", "ai", "basic", "act", "enforcement", "decree" })]
    [InlineData("Régulation de l'IA — la CNIL", new[] { "regulation", "de", "ia", "la", "cnil" })]
    [InlineData("ＡＩ法案 Ｇ７", new[] { "ai", "法案", "g7" })]
    [InlineData("国产大模型", new[] { "国产", "产大", "大模", "模型" })]
    [InlineData("인공지능 기본법", new[] { "인공", "공지", "지능", "기본", "본법" })]
    [InlineData("a I x", new string[0])]
    public void WordsAreFoldedAndUnspacedScriptsSplitIntoPairs(string text, string[] expected) =>
        Assert.Equal(expected, ArchiveTerms.Words(text));

    [Fact]
    public void TermsOfARelevantAnnouncementCoverEveryFilter()
    {
        var terms = ArchiveTerms.For(true, "Japan releases Takane", null, "A sovereign model.", "model strategy", "JP EU", "ja-JP");
        Assert.Equal(["*", "t:model", "t:strategy", "c:JP", "c:EU", "l:ja", "w:japan", "w:releases", "w:takane", "w:sovereign", "w:model"], terms);
        Assert.Empty(ArchiveTerms.For(false, "Japan releases Takane", null, "", "model", "JP", "ja"));
    }

    [Fact]
    public void LongWordsAreCutAndWordsAreCapped()
    {
        var text = new string('x', 200) + " " + string.Join(' ', Enumerable.Range(0, 500).Select(i => $"w{i}"));
        var terms = ArchiveTerms.For(true, text, null, "", "", "", null);
        Assert.All(terms, t => Assert.True(t.Length <= ArchiveTerms.MaxTermLength));
        Assert.Equal(ArchiveTerms.MaxWords + 1, terms.Count);
    }

    [Fact]
    public void SortDateIsThePublicationUnlessMissingOrInTheFuture()
    {
        var fetched = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(fetched.AddDays(-2), ArchiveIndex.SortAt(fetched.AddDays(-2), fetched));
        Assert.Equal(fetched, ArchiveIndex.SortAt(null, fetched));
        Assert.Equal(fetched, ArchiveIndex.SortAt(fetched.AddYears(3), fetched));
    }
}
