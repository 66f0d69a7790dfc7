using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Json.Schema;
using Monitor.Worker.Feeds;

namespace Monitor.IntegrationTests.Archive;

/// <summary>The archive's Atom and JSON feeds: parsed back with Monitor's own feed parser, checked against the specs'
/// schemas offline, paged, filtered like the pages, and answered with 304 when nothing changed.</summary>
public sealed class FeedValidationTests
{
    private static readonly Lazy<JsonSchema> JsonFeedSchema = new(() =>
        JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", "jsonfeed-1.1.schema.json")));

    [Fact]
    public async Task AtomAndJsonFeedsParseBackValidateAndPageLikeTheListing()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:FeedPageSize"] = "5" });
        var titles = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var title = $"Regulator issues AI rule {i} <for \"providers\"> & deployers";
            await world.AddStoryAsync(new Report(title, ArchiveWorld.Day.AddHours(-i), Source: i % 2 == 0 ? "kr-msit" : "news-wire", Language: i % 2 == 0 ? "ko" : "en")
            {
                Summary = $"Summary {i} with <b>markup</b> & a control\u0001 character.",
            },
                new Report($"Outlet covers rule {i}", ArchiveWorld.Day.AddHours(-i).AddMinutes(30), Source: "news-wire"));
            titles.Add(title);
        }

        await world.AddStoryAsync(new Report("Japan funds compute", ArchiveWorld.Day, Source: "jp-digital", Topics: "infrastructure", Countries: "JP"));

        foreach (var atom in new[] { true, false })
        {
            var seen = new List<string>();
            string? next = "/feed." + (atom ? "atom" : "json") + "?topic=regulation";
            while (next is not null)
            {
                using var response = await world.GetAsync(next);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(atom ? "application/atom+xml" : "application/feed+json", response.Content.Headers.ContentType!.MediaType);
                var bytes = await response.Content.ReadAsByteArrayAsync();
                if (atom)
                {
                    Assert.Empty(AtomRules.Check(bytes));
                }
                else
                {
                    using var json = JsonDocument.Parse(bytes);
                    var result = JsonFeedSchema.Value.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
                    Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
                }

                var feed = FeedParser.Parse(bytes, world.Host.BaseUri);
                Assert.Equal(atom ? FeedFormat.Atom : FeedFormat.JsonFeed, feed.Format);
                Assert.False(feed.Recovered);
                Assert.Equal("Monitor: Regulation", feed.Title);
                Assert.All(feed.Items, item =>
                {
                    Assert.StartsWith(world.Host.BaseUri + "stories/", item.Link!.AbsoluteUri, StringComparison.Ordinal);
                    Assert.NotNull(item.Published);
                    Assert.Contains("&lt;b&gt;markup&lt;/b&gt;", item.Content, StringComparison.Ordinal);
                });
                seen.AddRange(feed.Items.Select(i => i.Title!));
                next = NextLink(bytes, atom);
            }

            // Each story once, newest first; the lead is the official report when the story has one.
            Assert.Equal(titles, seen);
        }
    }

    [Fact]
    public async Task FeedsAndPagesAnswer304WhenNothingChangedAndChangeWithANewStory()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:ArchiveCacheSeconds"] = "0" });
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day));
        foreach (var path in new[] { "/feed.atom", "/feed.json", "/?topic=regulation", "/countries/KR/feed.json" })
        {
            using var first = await world.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag!;
            var lastModified = first.Content.Headers.LastModified!.Value;
            Assert.Equal(ArchiveWorld.Day.AddMinutes(30), lastModified.UtcDateTime);

            using var byTag = await world.GetAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
            Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
            using var byDate = await world.GetAsync(path, r => r.Headers.IfModifiedSince = lastModified);
            Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
            using var other = await world.GetAsync(path, r => r.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\"")));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        using var before = await world.GetAsync("/feed.atom");
        await world.AddStoryAsync(new Report("Korea opens a national AI computing centre", ArchiveWorld.Day.AddHours(2), Topics: "infrastructure"));
        using var after = await world.GetAsync("/feed.atom", r => r.Headers.IfNoneMatch.Add(before.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Equal(2, FeedParser.Parse(await after.Content.ReadAsByteArrayAsync(), world.Host.BaseUri).Items.Count);
    }

    [Fact]
    public async Task PublicPagesAreServedFromTheOutputCache()
    {
        await using var world = await ArchiveWorld.StartAsync(new Dictionary<string, string?> { ["Monitor:Web:ArchiveCacheSeconds"] = "600" });
        await world.AddStoryAsync(new Report("Korea finalises the AI Basic Act decree", ArchiveWorld.Day));
        using var first = await world.GetAsync("/?topic=regulation");
        Assert.Equal("public, max-age=600", first.Headers.CacheControl!.ToString());
        await world.AddStoryAsync(new Report("Korea updates the AI Basic Act decree", ArchiveWorld.Day.AddHours(1)));

        // Within the cache lifetime the same query gets the stored page; another query is rendered afresh.
        using var cached = await world.GetAsync("/?topic=regulation");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await cached.Content.ReadAsStringAsync());
        using var fresh = await world.GetAsync("/?topic=regulation&country=KR");
        Assert.Equal(2, new HtmlParser().ParseDocument(await fresh.Content.ReadAsStringAsync()).QuerySelectorAll(".story").Length);
    }

    [Fact]
    public void TheValidatorsRejectBrokenFeeds()
    {
        var atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2026-11-20</updated>
            <entry><title>no id</title><updated>2026-11-20T09:00:00Z</updated><link rel="alternate" href="http://x/"/></entry></feed>
            """u8.ToArray();
        var problems = AtomRules.Check(atom);
        Assert.Contains(problems, p => p.StartsWith("xsd", StringComparison.Ordinal));
        Assert.Contains("feed: 0 atom:id, exactly one required", problems);
        Assert.Contains("entry 1: 0 atom:id, exactly one required", problems);
        Assert.Contains("entry 1: no atom:author, and the feed has none (4.1.1)", problems);

        using var json = JsonDocument.Parse("""{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"1","url":"not a url"}]}""");
        Assert.False(JsonFeedSchema.Value.Evaluate(json.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
    }

    private static string? NextLink(byte[] document, bool atom)
    {
        if (atom)
        {
            var root = System.Xml.Linq.XDocument.Load(new MemoryStream(document)).Root!;
            var next = root.Elements(System.Xml.Linq.XName.Get("link", "http://www.w3.org/2005/Atom")).FirstOrDefault(l => (string?)l.Attribute("rel") == "next");
            return next is null ? null : new Uri((string)next.Attribute("href")!).PathAndQuery;
        }

        using var json = JsonDocument.Parse(document);
        return json.RootElement.TryGetProperty("next_url", out var url) ? new Uri(url.GetString()!).PathAndQuery : null;
    }
}
