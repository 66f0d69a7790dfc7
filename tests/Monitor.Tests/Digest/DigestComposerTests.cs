using MimeKit;
using Monitor.Tests.Config;
using Monitor.Worker.Digest;
using Monitor.Worker.Subscriptions;

namespace Monitor.Tests.Digest;

public sealed class DigestComposerTests
{
    private static readonly DigestComposer Composer = new(MailTemplates.Load(RepositoryPaths.Config.Directory).Templates!);

    private static readonly ManageLinks Links = new(
        "https://monitor.example.org/preferences?token=T1", "https://monitor.example.org/unsubscribe?token=T1",
        "https://monitor.example.org/unsubscribe/one-click?token=T1", "mailto:monitor@example.org?subject=unsubscribe%20T1");

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
        new(1, title, source, published, summary, url, topics, ["JP"], [], reasons ?? [], score, alsoReportedBy ?? []) { SourceCountry = "JP", Language = "en" };

    private static DigestContent Content(IReadOnlyList<DigestEntry> entries, TimeZoneInfo? zone = null, string toName = "Ana Lyst") =>
        new("analyst@example.org", toName, "monitor@example.org", "Monitor", "Saturday 28 November 2026", "digest.1.daily.2026-11-28.a1@monitor.example.org", entries, zone)
        {
            Links = Links,
            ListId = "Monitor digest <digest.monitor.example.org>",
            Reason = "analyst@example.org subscribed to daily Monitor digests on all topics, all countries",
        };

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
    public void ComposesMultipartTextAndHtmlWithListHeaders()
    {
        var message = Composer.Compose(Content([Entry("Japan publishes AI basic plan", ["strategy"])]));

        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("digest.1.daily.2026-11-28.a1@monitor.example.org", message.MessageId);
        Assert.Equal("monitor@example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("analyst@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Monitor digest, Saturday 28 November 2026: 1 new story — Japan publishes AI basic plan", message.Subject);
        Assert.Equal("<https://monitor.example.org/unsubscribe/one-click?token=T1>, <mailto:monitor@example.org?subject=unsubscribe%20T1>",
            message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal("Monitor digest <digest.monitor.example.org>", message.Headers["List-Id"]);
        Assert.Contains("== Strategy and policy ==", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("* Japan publishes AI basic plan", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://www.gov.example/news/1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.gov.example/news/1\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(">Japan publishes AI basic plan</a>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void TopOfTheDigestCountsStoriesByTopicAndCountry()
    {
        var message = Composer.Compose(Content([Entry("a", ["model"]), Entry("b", ["model", "regulation"]), Entry("c", [])]));

        Assert.Contains("By topic: National models 2, Regulation 1, Other 1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("By country: Japan 3", message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("Monitor digest, Saturday 28 November 2026: 3 new stories — ", message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void FooterSaysWhyAndLinksToPreferencesAndUnsubscribe()
    {
        var message = Composer.Compose(Content([Entry("a", ["model"])]));

        Assert.Contains("You receive this because analyst@example.org subscribed to daily Monitor digests", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Manage preferences: https://monitor.example.org/preferences?token=T1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Unsubscribe: https://monitor.example.org/unsubscribe?token=T1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://monitor.example.org/unsubscribe?token=T1\"", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlIsAScriptFreeTableLayoutReadyForDarkMode()
    {
        var html = Composer.Compose(Content([Entry("a", ["model"])])).HtmlBody;

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("role=\"presentation\"", html, StringComparison.Ordinal);
        Assert.Contains("prefers-color-scheme: dark", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"color-scheme\" content=\"light dark\">", html, StringComparison.Ordinal);
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

        var html = Composer.Compose(Content([entry])).HtmlBody;

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
        var html = Composer.Compose(Content([Entry("Title", ["model"], url: url)])).HtmlBody;

        Assert.DoesNotContain(url, html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(">Title</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodesQuotesInsideLinkAttributes()
    {
        var html = Composer.Compose(Content([Entry("T", ["model"], url: "https://gov.example/a?q=\"><script>x</script>")])).HtmlBody;

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://gov.example/a?q=&quot;&gt;&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Asia/Tokyo", "28 Nov 2026")]
    [InlineData("UTC", "27 Nov 2026")]
    [InlineData("America/Los_Angeles", "27 Nov 2026")]
    [InlineData(null, "27 Nov 2026")]
    public void ShowsDatesInTheSubscribersTimeZone(string? zoneId, string expected)
    {
        var zone = zoneId is null ? null : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var published = new DateTime(2026, 11, 27, 20, 30, 0, DateTimeKind.Utc);

        var message = Composer.Compose(Content([Entry("T", ["model"], source: "METI", published: published)], zone));

        Assert.Contains($"METI (Japan) · {expected}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"METI (Japan) · {expected}", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void ListsOtherSourcesModelsAndWhyInReadersWords()
    {
        var entry = new DigestEntry(
            7, "Korea launches sovereign AI model", "MSIT", null, "", "https://msit.example/7",
            ["model"], ["KR"], ["HyperCLOVA X"],
            ["context \"sovereign AI\"", "learned:relevant \"with\" +0.20", "learned:relevant \"rules:ctx\" +3.81", "topic:model \"foundation model\"",
                "model:HyperCLOVA X \"HyperCLOVA X\"", "country:KR \"과학기술정보통신부\"", "llm: relevant (gpt-4o-mini)"],
            0.9, ["Yonhap", "Korea Herald"]);

        var text = Composer.Compose(Content([entry])).TextBody;

        Assert.Contains("Also reported by: Yonhap, Korea Herald", text, StringComparison.Ordinal);
        Assert.Contains("Models named: HyperCLOVA X", text, StringComparison.Ordinal);
        Assert.Contains("Why it matched: mentions “sovereign AI”, “HyperCLOVA X” · National models: “foundation model” · South Korea: “과학기술정보통신부”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("learned", text, StringComparison.Ordinal);
        Assert.DoesNotContain("+3.81", text, StringComparison.Ordinal);
        Assert.DoesNotContain("rules:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("gpt-4o", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowsAGlossOnlyWhenOneWasGiven()
    {
        var plain = Composer.Compose(Content([Entry("総務省、AI基本計画を公表", ["strategy"])])).TextBody;
        var glossed = Composer.Compose(Content([Entry("総務省、AI基本計画を公表", ["strategy"]) with { TitleGloss = "MIC publishes AI basic plan" }])).TextBody;

        Assert.DoesNotContain("English", plain, StringComparison.Ordinal);
        Assert.Contains("* 総務省、AI基本計画を公表", glossed, StringComparison.Ordinal);
        Assert.Contains("English (machine translation): MIC publishes AI basic plan", glossed, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDigestSaysNothingNew()
    {
        var message = Composer.Compose(Content([]));

        Assert.Equal("Monitor digest, Saturday 28 November 2026: nothing new", message.Subject);
        Assert.Contains("Nothing new matched your filters", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void NoHeaderCanBeInjectedAndNonAsciiIsEncoded()
    {
        var entry = Entry("Ministère\r\nBcc: victim@example.org\r\n\r\nbody", ["strategy"]);
        var message = Composer.Compose(Content([entry], toName: "Zoë Müller\r\nBcc: evil@example.org"));
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        var raw = System.Text.Encoding.ASCII.GetString(stream.ToArray());
        var headers = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];

        Assert.DoesNotContain("\nBcc:", headers, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("=?utf-8?", headers, StringComparison.OrdinalIgnoreCase);
        stream.Position = 0;
        var parsed = MimeMessage.Load(stream);
        Assert.Empty(parsed.Bcc);
        Assert.Equal("Zoë Müller Bcc: evil@example.org", Assert.Single(parsed.To.Mailboxes).Name);
        Assert.Contains("Ministère Bcc: victim@example.org body", parsed.Subject, StringComparison.Ordinal);
    }
}
