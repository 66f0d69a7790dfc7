using System.Net;
using System.Net.Http.Headers;
using Monitor.Worker.Feeds;

namespace Monitor.IntegrationTests.Archive;

/// <summary>Security headers on every page (the subscription pages included) and source text encoded everywhere.</summary>
public sealed class PageSafetyTests
{
    private const string Hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    [Fact]
    public async Task EveryResponseCarriesTheSecurityHeaders()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:AdminToken"] = "t0ken-for-headers" });
        var story = await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day));
        foreach (var path in new[]
        {
            "/", "/?topic=regulation", $"/stories/{story.Id}", "/countries/KR", "/feed.atom", "/feed.json", "/countries/KR/feed.atom",
            "/subscribe", "/manage", "/check-inbox", "/confirm?token=bad", "/preferences?token=bad", "/unsubscribe?token=bad",
            "/admin", "/stories/999999", "/no-such-page", "/health/live",
        })
        {
            using var response = await world.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            }
        }

        // A form post rejected by the antiforgery check carries them too.
        using var post = await world.Host.Client.PostAsync(new Uri("/subscribe", UriKind.Relative), new FormUrlEncodedContent([new("Email", "a@example.org")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("frame-ancestors 'none'", string.Join(";", post.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceTextIsEncodedOnEveryPageAndFeed()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:AdminToken"] = "t0ken-for-encoding" });
        var story = await world.AddStoryAsync(new Report("Decree " + Hostile, ArchiveWorld.Day, Models: "Model" + Hostile, UrlSuffix: "x\"onmouseover=\"alert(1)")
        {
            Summary = "Summary " + Hostile,
        });
        foreach (var path in new[] { "/", $"/stories/{story.Id}", "/countries/KR", "/?q=decree" })
        {
            var html = await (await world.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>Wire", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"onmouseover=\"", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        var admin = await (await world.GetAsync("/admin", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "t0ken-for-encoding"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", admin, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", admin, StringComparison.Ordinal);

        // The feeds carry the text itself (escaped once by the format), and their HTML content escapes it again.
        foreach (var feedPath in new[] { "/feed.atom", "/feed.json" })
        {
            var feed = FeedParser.Parse(await (await world.GetAsync(feedPath)).Content.ReadAsByteArrayAsync(), world.Host.BaseUri);
            var item = Assert.Single(feed.Items);
            Assert.Equal("Decree " + Hostile, item.Title);
            Assert.DoesNotContain("<script>", item.Content, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", item.Content, StringComparison.Ordinal);
        }
    }
}
