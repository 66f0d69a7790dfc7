using Monitor.Worker.Feeds;
using Monitor.Worker.Items;

namespace Monitor.Tests.Feeds;

public sealed class FeedParserHostileTests
{
    private static readonly Uri Base = new("https://example.org/feed.xml");

    private static ParsedFeed Parse(string file) => FeedParser.Parse(FeedFixtures.Bytes("feeds", file), Base);

    [Fact]
    public void RecoversUndeclaredHtmlEntities()
    {
        var feed = Parse("hostile-undeclared-entities.xml");

        Assert.True(feed.Recovered);
        Assert.Equal("Ministry\u00A0of Science – News", feed.Title);
        Assert.Equal("Résumé of the AI\u00A0summit", feed.Items[0].Title);
        Assert.StartsWith("Café & summit …", feed.Items[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void RecoversUnescapedAmpersands()
    {
        var feed = Parse("hostile-unescaped-ampersand.xml");

        Assert.True(feed.Recovered);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("Research & Development tax credit for AI", feed.Items[0].Title);
        Assert.Equal(new Uri("https://trade.example.gov/news?id=42&lang=en"), feed.Items[0].Link);
    }

    [Theory]
    [InlineData("hostile-utf16le-bom.xml")]
    [InlineData("hostile-utf16be-nobom.xml")]
    public void ReadsUtf16(string file)
    {
        var feed = Parse(file);

        Assert.Equal("Κυβέρνηση — Ανακοινώσεις", feed.Title);
        Assert.Equal("Εθνική στρατηγική για την ΤΝ", feed.Items[0].Title);
    }

    [Fact]
    public void ReadsUtf8DespiteDeclaredLatin1()
    {
        var feed = Parse("hostile-wrong-charset.xml");

        Assert.Equal("Ministère du Numérique", feed.Title);
        Assert.Equal("Stratégie nationale pour l’IA", feed.Items[0].Title);
        Assert.True(feed.Recovered);
    }

    [Fact]
    public void UndeclaredMixedEncodingKeepsUtf8AndReadsStrayBytesAsWindows1252()
    {
        byte[] bytes =
        [
            .. System.Text.Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><item><title>Ministère don"),
            0x92,
            .. System.Text.Encoding.UTF8.GetBytes("t stop</title></item></channel></rss>"),
        ];

        var feed = FeedParser.Parse(bytes, Base);

        Assert.Equal("Ministère don’t stop", feed.Items[0].Title);
        Assert.True(feed.Recovered);
    }

    [Fact]
    public void ReadsCorrectlyDeclaredLatin1()
    {
        var feed = Parse("latin1-declared.xml");

        Assert.Equal("Ministerio de Economía", feed.Title);
        Assert.Equal("Año de la inteligencia artificial", feed.Items[0].Title);
        Assert.False(feed.Recovered);
    }

    [Fact]
    public void NeverProcessesTheDtd()
    {
        var feed = Parse("hostile-dtd.xml");

        Assert.DoesNotContain("lollol", feed.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", feed.Items[0].Title, StringComparison.Ordinal);
        Assert.Single(feed.Items);
    }

    [Fact]
    public void ExpandsOnlyLiteralInternalEntities()
    {
        const string xml = """
            <!DOCTYPE rss [
              <!ENTITY id "tag:example.com,">
              <!ENTITY ext SYSTEM "file:///etc/hostname">
              <!ENTITY a "x">
              <!ENTITY b "&a;&a;&a;">
            ]>
            <rss version="2.0"><channel><item><guid isPermaLink="false">&id;2025:/press/</guid><title>&b;&ext;</title></item></channel></rss>
            """;

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Base);

        Assert.Equal("tag:example.com,2025:/press/", feed.Items[0].Id);
        Assert.Equal("&b;&ext;", feed.Items[0].Title);
    }

    [Fact]
    public void ToleratesLeadingWhitespaceBeforeDeclaration()
    {
        var feed = Parse("hostile-leading-whitespace.xml");

        Assert.Equal("Only item", Assert.Single(feed.Items).Title);
        Assert.True(feed.Recovered);
    }

    [Fact]
    public void KeepsCompleteItemsOfTruncatedFeed()
    {
        var feed = Parse("hostile-truncated.xml");

        Assert.True(feed.Recovered);
        Assert.Equal(["First complete item", "Second complete item"], feed.Items.Select(i => i.Title));
    }

    [Fact]
    public void ReadsPastUnescapedHtmlAndMismatchedTags()
    {
        var feed = Parse("hostile-unescaped-html.xml");

        Assert.True(feed.Recovered);
        Assert.Equal(["AI in diagnostics", "Health data strategy", "Third item"], feed.Items.Select(i => i.Title));
        Assert.Equal(new Uri("https://health.example.gov/news/third"), feed.Items[2].Link);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 10, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
        Assert.StartsWith("First line", feed.Items[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptsUndeclaredWellKnownPrefixes()
    {
        var feed = Parse("hostile-undeclared-prefix.xml");

        Assert.True(feed.Recovered);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero), feed.Items[0].Published);
    }

    [Fact]
    public void StripsHtmlFromTitles()
    {
        var feed = Parse("atom10.xml");

        Assert.Equal("AI Act guidance issued", feed.Items[0].Title);
        Assert.Equal("Regulator news", feed.Title);
    }

    [Fact]
    public void DuplicateGuidsAreHandledByItemKeys()
    {
        var feed = Parse("hostile-duplicate-guids.xml");

        var kept = ItemKey.Deduplicate(feed.Items);

        // The guid shared by different pages is not an identity: the three items fall back to their URLs, and the
        // repeated page (same URL apart from utm_source) is dropped; the repeated "exam-1" guid keeps the first.
        Assert.Equal(["AI in schools guidance", "Teacher training in AI", "Exam rules"], kept.Select(i => i.Title));
    }

    [Fact]
    public void RecoversBrokenMarkupInsideBytesWithBom()
    {
        var body = "<rss version=\"2.0\"><channel><title>A &nbsp;&amp; B</title><item><title>X & Y</title></item></channel></rss>";
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(body)];

        var feed = FeedParser.Parse(bytes, Base);

        Assert.True(feed.Recovered);
        Assert.Equal("X & Y", feed.Items[0].Title);
    }

    [Theory]
    [InlineData("Grupo FÃ³rmula", "Grupo Fórmula")]
    [InlineData("Â¿Pensando? AquÃ\u00ad", "¿Pensando? Aquí")]
    [InlineData("Itâ€™s done", "It’s done")]
    [InlineData("Fórmula", "Fórmula")]
    [InlineData("don&#146;t", "don’t")]
    [InlineData("&#226;&#128;&#166;", "…")]
    [InlineData("SÃO PAULO ÂNGULO", "SÃO PAULO ÂNGULO")]
    public void RepairsDoubleEncodedUtf8Only(string title, string expected)
    {
        var xml = $"<rss version=\"2.0\"><channel><item><title>{title}</title></item></channel></rss>";

        var feed = FeedParser.Parse(System.Text.Encoding.UTF8.GetBytes(xml), Base);

        Assert.Equal(expected, feed.Items[0].Title);
    }
}
