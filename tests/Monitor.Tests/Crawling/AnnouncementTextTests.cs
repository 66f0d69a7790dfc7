using Monitor.Worker.Crawling;

namespace Monitor.Tests.Crawling;

public sealed class AnnouncementTextTests
{
    private const string Sentence = "The government published its national AI strategy today. ";

    [Fact]
    public void ShortTextIsKeptWithWhitespaceCollapsed()
    {
        Assert.Equal("The plan covers compute, data and talent.", AnnouncementBuilder.Summarize("  The plan covers\n\tcompute,   data and talent.  "));
    }

    [Fact]
    public void CutsAtTheLastSentenceEndWithinTheLimit()
    {
        var text = string.Concat(Enumerable.Repeat(Sentence, 10));

        var summary = AnnouncementBuilder.Summarize(text);

        Assert.True(summary.Length <= AnnouncementBuilder.SummaryLength, $"{summary.Length} characters");
        Assert.EndsWith("today.", summary, StringComparison.Ordinal);
        Assert.Equal(Sentence.Length * (AnnouncementBuilder.SummaryLength / Sentence.Length) - 1, summary.Length);
        Assert.StartsWith(summary, text, StringComparison.Ordinal);
    }

    [Fact]
    public void CutsAtAJapaneseFullStop()
    {
        var sentence = "政府は人工知能に関する新たな国家戦略を閣議決定し、計算資源と人材育成への投資を拡大する方針を示した。";
        var text = string.Concat(Enumerable.Repeat(sentence, 10));

        var summary = AnnouncementBuilder.Summarize(text);

        Assert.EndsWith("。", summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= AnnouncementBuilder.SummaryLength);
        Assert.True(summary.Length > AnnouncementBuilder.SummaryLength / 2);
    }

    [Fact]
    public void WithoutASentenceEndCutsAtAWordWithAnEllipsis()
    {
        var text = string.Join(' ', Enumerable.Range(1, 200).Select(i => $"word{i}"));

        var summary = AnnouncementBuilder.Summarize(text);

        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        var kept = summary[..^1];
        Assert.True(kept.Length <= AnnouncementBuilder.SummaryLength);
        Assert.StartsWith(kept + " ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutSpacesIsCutAtTheLimitWithAnEllipsis()
    {
        var text = new string('人', 500);

        Assert.Equal(new string('人', AnnouncementBuilder.SummaryLength) + "…", AnnouncementBuilder.Summarize(text));
    }

    [Fact]
    public void SentenceEndTooEarlyIsIgnoredInFavourOfAWordCut()
    {
        var text = "Short start. " + string.Join(' ', Enumerable.Repeat("continuing", 60));

        var summary = AnnouncementBuilder.Summarize(text);

        Assert.EndsWith("continuing…", summary, StringComparison.Ordinal);
        Assert.True(summary.Length > AnnouncementBuilder.SummaryLength / 2);
    }

    [Fact]
    public void DoesNotTreatADecimalPointAsASentenceEnd()
    {
        var text = string.Concat(Enumerable.Repeat(Sentence, 3)) + "The budget of 2.5 trillion won funds the sovereign model programme until 2030 and " +
            string.Join(' ', Enumerable.Repeat("more", 60));

        var summary = AnnouncementBuilder.Summarize(text);

        Assert.False(summary.EndsWith("2.", StringComparison.Ordinal), summary);
    }

    [Theory]
    [InlineData("plain text ", "plain text")]
    [InlineData("<p>AI &amp; data</p>", "AI & data")]
    [InlineData("R&amp;D &#8211; &quot;compute&quot;", "R&D – \"compute\"")]
    [InlineData("<div><b>Bold</b>\n\n  <i>italic</i></div>", "Bold italic")]
    [InlineData("<p>Broken <b>markup", "Broken markup")]
    [InlineData("&lt;script&gt;", "<script>")]
    [InlineData("", "")]
    public void PlainTextStripsTagsAndDecodesEntities(string html, string expected)
    {
        Assert.Equal(expected, AnnouncementBuilder.PlainText(html));
    }

    [Theory]
    [InlineData("<p>First paragraph.</p><p>Second paragraph.</p>", "First paragraph. Second paragraph.")]
    [InlineData("Line one<br>line two", "Line one line two")]
    [InlineData("<li>AI</li><li>Chips</li>", "AI Chips")]
    public void PlainTextKeepsWordsOfAdjacentBlocksApart(string html, string expected)
    {
        Assert.Equal(expected, AnnouncementBuilder.PlainText(html));
    }

    [Fact]
    public void PlainTextDropsScriptAndStyleContent()
    {
        var text = AnnouncementBuilder.PlainText("<style>p { color: red }</style><p>Visible</p><script>track()</script>");

        Assert.Equal("Visible", text);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("2026-11-28T10:15:00+09:00", null, "2026-11-28T10:15:00+09:00")]
    [InlineData(null, "2026-11-28T10:15:00+09:00", "2026-11-28T10:15:00+09:00")]
    [InlineData("2026-11-28T00:00:00+09:00", "2026-11-28T10:15:00+09:00", "2026-11-28T10:15:00+09:00")]
    [InlineData("2026-11-28T00:00:00+00:00", "2026-11-27T22:00:00+00:00", "2026-11-27T22:00:00+00:00")]
    [InlineData("2026-11-28T00:00:00+09:00", "2026-12-01T10:15:00+09:00", "2026-11-28T00:00:00+09:00")]
    [InlineData("2026-11-28T09:30:00+09:00", "2026-11-28T10:15:00+09:00", "2026-11-28T09:30:00+09:00")]
    public void ChoosesThePagesPreciseDateOnlyOverADateOnlyItemDateOfTheSameDay(string? item, string? page, string? expected)
    {
        static DateTimeOffset? Parse(string? value) => value is null ? null : DateTimeOffset.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

        var chosen = AnnouncementBuilder.ChooseDate(Parse(item), Parse(page));

        Assert.Equal(Parse(expected), chosen);
        Assert.Equal(Parse(expected)?.Offset, chosen?.Offset);
    }

    [Fact]
    public void HashIsLowerCaseSha256Hex()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", AnnouncementBuilder.Hash("abc"));
        Assert.Equal(64, AnnouncementBuilder.Hash("https://例え.jp/記事").Length);
    }
}
