using MimeKit;
using Monitor.Worker.Digest;

namespace Monitor.Tests.Digest;

public sealed class DigestComposerTests
{
    private static DigestEntry Entry(
        string title,
        string[] topics,
        double score = 0.8,
        string url = "https://www.gov.example/news/1",
        string source = "Cabinet Office",
        string summary = "A short summary.",
        DateTime? published = null,
        string[]? alsoReportedBy = null,
        string[]? reasons = null) =>
        new(1, title, source, published, summary, url, topics, ["JP"], [], reasons ?? [], score, alsoReportedBy ?? []);

    private static DigestContent Content(IReadOnlyList<DigestEntry> entries, TimeZoneInfo? zone = null) =>
        new("analyst@example.org", "Ana Lyst", "monitor@example.org", "Monitor", "2026-11-28", "<digest-2026-11-28.a1@monitor>", entries, zone);

    [Fact]
    public void GroupsByFirstTopicInFixedTopicOrderWithOtherLast()
    {
        var groups = DigestComposer.Group(
        [
            Entry("untagged", []),
            Entry("safety institute", ["safety"]),
            Entry("national model", ["model", "regulation"]),
            Entry("AI act", ["regulation", "model"]),
            Entry("data centre", ["infrastructure"]),
        ]);

        Assert.Equal(["model", "regulation", "infrastructure", "safety", "other"], groups.Select(g => g.Topic));
        Assert.Equal("national model", Assert.Single(groups[0].Entries).Title);
    }

    [Fact]
    public void OrdersEntriesWithinAGroupByScoreThenDate()
    {
        var groups = DigestComposer.Group(
        [
            Entry("low", ["strategy"], 0.55),
            Entry("high", ["strategy"], 0.95),
            Entry("mid older", ["strategy"], 0.7, published: new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)),
            Entry("mid newer", ["strategy"], 0.7, published: new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)),
        ]);

        Assert.Equal(["high", "mid newer", "mid older", "low"], Assert.Single(groups).Entries.Select(e => e.Title));
    }

    [Fact]
    public void ComposesMultipartTextAndHtmlWithHeaders()
    {
        var message = DigestComposer.Compose(Content([Entry("Japan publishes AI basic plan", ["strategy"])]));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("digest-2026-11-28.a1@monitor", message.MessageId);
        Assert.Equal("monitor@example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("analyst@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Monitor digest: 1 new item (2026-11-28)", message.Subject);
        Assert.Contains("== Strategy and policy ==", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("* Japan publishes AI basic plan", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.gov.example/news/1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://www.gov.example/news/1\">Japan publishes AI basic plan</a>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectCountsItemsInPlural()
    {
        var message = DigestComposer.Compose(Content([Entry("a", ["model"]), Entry("b", [])]));

        Assert.Equal("Monitor digest: 2 new items (2026-11-28)", message.Subject);
    }

    [Fact]
    public void EncodesHtmlFromSources()
    {
        var entry = Entry(
            "<script>alert(1)</script> AI law",
            ["regulation"],
            source: "Evil <b>Source</b>",
            summary: "Summary with <img src=x onerror=alert(2)> & more",
            alsoReportedBy: ["<i>Wire</i>"],
            reasons: ["topic:regulation \"<AI Act>\""]);

        var html = DigestComposer.Compose(Content([entry])).HtmlBody;

        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Source", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Wire", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<AI Act>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; AI law", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt; &amp; more", html, StringComparison.Ordinal);
        Assert.Contains("Evil &lt;b&gt;Source&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("JavaScript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("/relative/path")]
    public void RendersOnlyHttpLinksAsAnchors(string url)
    {
        var html = DigestComposer.Compose(Content([Entry("Title", ["model"], url: url)])).HtmlBody;

        Assert.DoesNotContain("<a ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">Title</div>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodesQuotesInsideLinkAttributes()
    {
        var html = DigestComposer.Compose(Content([Entry("T", ["model"], url: "https://gov.example/a?q=\"><script>x</script>")])).HtmlBody;

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://gov.example/a?q=&quot;&gt;&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "2026-11-28")]
    [InlineData("UTC", "2026-11-27")]
    [InlineData("America/Los_Angeles", "2026-11-27")]
    [InlineData(null, "2026-11-27")]
    public void ShowsDatesInTheSubscribersTimeZone(string? zoneId, string expected)
    {
        var zone = zoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var published = new DateTime(2026, 11, 27, 20, 30, 0, DateTimeKind.Utc);

        var message = DigestComposer.Compose(Content([Entry("T", ["model"], source: "METI", published: published)], zone));

        Assert.Contains($"METI, {expected} |", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"METI, {expected} ·", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsOtherSourcesFacetsAndReasons()
    {
        var entry = new DigestEntry(
            7, "Korea launches sovereign AI model", "MSIT", null, "", "https://msit.example/7",
            ["model"], ["KR"], ["HyperCLOVA X"], ["model:\"HyperCLOVA X\"", "country:KR"], 0.9, ["Yonhap", "Korea Herald"]);

        var text = DigestComposer.Compose(Content([entry])).TextBody;

        Assert.Contains("Also reported by: Yonhap, Korea Herald", text, StringComparison.Ordinal);
        Assert.Contains("topics: model | countries: KR | models: HyperCLOVA X", text, StringComparison.Ordinal);
        Assert.Contains("Why: model:\"HyperCLOVA X\"; country:KR", text, StringComparison.Ordinal);
    }
}
