using Monitor.Worker.Items;

namespace Monitor.Tests.Items;

public sealed class ItemKeyTests
{
    private static readonly DateTimeOffset March14 = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void UsesStableIdFirst()
    {
        var item = new ParsedItem("press-2025-031", "Title", new Uri("https://gov.example.org/a"), March14, null);

        Assert.Equal("id:press-2025-031", ItemKey.For(item));
    }

    [Fact]
    public void UrlLikeIdIsKeyedAsCanonicalUrl()
    {
        var withGuid = new ParsedItem("https://Gov.example.org/a?utm_source=rss", "Title", null, null, null);
        var withLinkOnly = new ParsedItem(null, "Title", new Uri("https://gov.example.org/a"), null, null);

        Assert.Equal("url:https://gov.example.org/a", ItemKey.For(withGuid));
        Assert.Equal(ItemKey.For(withGuid), ItemKey.For(withLinkOnly));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0")]
    public void FallsBackToCanonicalUrlWhenIdIsUnusable(string? id)
    {
        var item = new ParsedItem(id, "Title", new Uri("https://gov.example.org/a#top"), null, null);

        Assert.Equal("url:https://gov.example.org/a", ItemKey.For(item));
    }

    [Fact]
    public void FallsBackToTitleAndDateHash()
    {
        var a = new ParsedItem(null, "National  AI strategy", null, March14, null);
        var sameWithOtherSpacing = new ParsedItem(null, "national ai strategy", null, March14, null);
        var otherDate = new ParsedItem(null, "National AI strategy", null, March14.AddDays(1), null);

        Assert.StartsWith("hash:", ItemKey.For(a), StringComparison.Ordinal);
        Assert.Equal(ItemKey.For(a), ItemKey.For(sameWithOtherSpacing));
        Assert.NotEqual(ItemKey.For(a), ItemKey.For(otherDate));
    }

    [Fact]
    public void LongKeysAreBounded()
    {
        var item = new ParsedItem(new string('x', 5000), null, null, null, null);

        var key = ItemKey.For(item);

        Assert.True(key.Length <= ItemKey.MaxLength);
        Assert.StartsWith("id:sha256:", key, StringComparison.Ordinal);
    }

    [Fact]
    public void DeduplicateKeepsFirstAndSplitsSharedIds()
    {
        ParsedItem[] items =
        [
            new("same", "A", new Uri("https://gov.example.org/a"), null, null),
            new("same", "B", new Uri("https://gov.example.org/b"), null, null),
            new("same", "A again", new Uri("https://gov.example.org/a?fbclid=1"), null, null),
            new("unique", "C", new Uri("https://gov.example.org/c"), null, null),
            new("unique", "C again", new Uri("https://gov.example.org/c"), null, null),
        ];

        var keyed = ItemKey.Keyed(items);

        Assert.Equal(["A", "B", "C"], keyed.Select(k => k.Item.Title));
        Assert.Equal(["url:https://gov.example.org/a", "url:https://gov.example.org/b", "id:unique"], keyed.Select(k => k.Key));
        Assert.Equal(keyed.Select(k => k.Item), ItemKey.Deduplicate(items));
    }
}
