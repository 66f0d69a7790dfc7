using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Crawling;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests;

/// <summary>Every kind of source through the real crawler: detection, discovery, sitemaps, JSON APIs, listing pagination.</summary>
public sealed class SourceKindsTests : IAsyncLifetime
{
    private readonly TestEnvironment _env = new();
    private LoopbackHttpServer _web = null!;

    public async Task InitializeAsync()
    {
        _web = await LoopbackHttpServer.StartAsync();
        _env.Settings["Monitor:Crawling:FetchArticles"] = "false";
    }

    public async Task DisposeAsync()
    {
        await _web.DisposeAsync();
        _env.Dispose();
    }

    [Fact]
    public async Task AutoKindFindsTheFeedAdvertisedByAHomePage()
    {
        _web.Serve("/", "text/html", """
            <html><head><title>Agency</title><link rel="alternate" type="application/atom+xml" title="News" href="/news.atom"></head>
            <body><a href="/about">About</a></body></html>
            """);
        _web.Serve("/news.atom", "application/atom+xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Agency news</title><id>urn:a</id><updated>2026-11-20T10:00:00Z</updated>
            <entry><title>Agency opens consultation on AI model evaluations</title><link href="/n/1"/><id>urn:a:1</id><updated>2026-11-20T10:00:00Z</updated><summary>The AI safety institute opens a consultation.</summary></entry>
            <entry><title>Agency publishes annual report</title><link href="/n/2"/><id>urn:a:2</id><updated>2026-11-19T10:00:00Z</updated></entry>
            </feed>
            """);
        var outcome = await CrawlAsync("home", _web.Url("/"), "");

        Assert.Equal("ok", outcome.Status);
        Assert.Equal(2, outcome.ItemsNew);
        Assert.Contains("discovered feed", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(await UrlsAsync(), u => u.EndsWith("/n/1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SitemapIndexIsFollowedOneLevelAndGoogleNewsTitlesAreKept()
    {
        _web.Serve("/sitemap.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{_web.Url("/news-sitemap.xml")}</loc><lastmod>2026-11-20</lastmod></sitemap>
            </sitemapindex>
            """);
        _web.Serve("/news-sitemap.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{_web.Url("/p/ai-strategy")}</loc>
                <news:news><news:publication><news:name>Élysée</news:name><news:language>fr</news:language></news:publication>
                <news:publication_date>2026-11-20T09:00:00+01:00</news:publication_date><news:title>Stratégie nationale pour l'intelligence artificielle</news:title></news:news></url>
              <url><loc>{_web.Url("/p/agenda")}</loc><lastmod>2026-11-19</lastmod></url>
            </urlset>
            """);
        var outcome = await CrawlAsync("sitemap", _web.Url("/sitemap.xml"), "timezone: Europe/Paris");

        Assert.Equal("ok", outcome.Status);
        Assert.Equal(2, outcome.ItemsNew);
        await using var db = Db();
        Assert.Contains(await db.Announcements.Select(a => a.Title).ToListAsync(), t => t == "Stratégie nationale pour l'intelligence artificielle");
    }

    [Fact]
    public async Task JsonApiSourceReadsItemsByDottedPaths()
    {
        _web.Serve("/api/documents.json", "application/json", """
            {"count": 2, "results": [
              {"document_number": "2026-12345", "title": "Request for Information on AI Action Plan", "html_url": "/d/2026-12345", "publication_date": "2026-11-20", "abstract": "The Office of Science and Technology Policy requests information on artificial intelligence policy."},
              {"document_number": "2026-12346", "title": "Fisheries of the Exclusive Economic Zone", "html_url": "/d/2026-12346", "publication_date": "2026-11-19", "abstract": "Catch limits."}
            ]}
            """);
        var outcome = await CrawlAsync("register", _web.Url("/api/documents.json"), """
            kind: json
                json:
                  items: results
                  id: document_number
                  title: title
                  link: html_url
                  date: publication_date
                  summary: abstract
            """);

        Assert.Equal("ok", outcome.Status);
        Assert.Equal(2, outcome.ItemsNew);
        Assert.Contains(await UrlsAsync(), u => u.EndsWith("/d/2026-12345", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutomaticListingFollowsNextPagesOnTheFirstCrawlOnly()
    {
        _web.Serve("/press/", "text/html", ListingPage(1, hasNext: true));
        _web.Serve("/press/page2.html", "text/html", ListingPage(2, hasNext: false));

        var first = await CrawlAsync("press", _web.Url("/press/"), "kind: listing");
        Assert.Equal("ok", first.Status);
        Assert.Equal(6, first.ItemsNew);
        Assert.Equal(1, _web.CountStatus("/press/page2.html", 200));

        _web.Serve("/press/", "text/html", ListingPage(1, hasNext: true).Replace("</ul>", "<li class=\"item\"><a href=\"/press/new.html\">Ministry launches national AI talent programme for universities</a><span class=\"date\">21 November 2026</span></li></ul>", StringComparison.Ordinal));
        using var host = await _env.StartHostAsync();
        var second = (await host.Services.GetRequiredService<CrawlRunner>().RunAsync("press", force: true, CancellationToken.None)).Single();
        Assert.Equal(1, second.ItemsNew);
        Assert.Equal(1, _web.CountStatus("/press/page2.html", 200));
    }

    private static string ListingPage(int page, bool hasNext) => $"""
        <!DOCTYPE html><html><head><title>Press releases</title></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li></ul></nav>
        <main><h1>Press releases</h1><ul class="list">
        {string.Concat(Enumerable.Range(1, 3).Select(i => $"<li class=\"item\"><a href=\"/press/p{page}-{i}.html\">Ministry statement number {i} on page {page} about digital policy</a><span class=\"date\">{20 - i} November 2026</span></li>"))}
        </ul>{(hasNext ? "<nav class=\"pagination\"><a rel=\"next\" href=\"/press/page2.html\">Next</a></nav>" : "")}</main>
        <footer><a href="/privacy">Privacy</a> <a href="/cookies">Cookies</a></footer></body></html>
        """;

    private async Task<CrawlOutcome> CrawlAsync(string id, Uri url, string extra)
    {
        _env.WriteSources($"""
            sources:
              - id: {id}
                url: {url}
                country: US
                language: en
                {extra}
            """);
        using var host = await _env.StartHostAsync();
        return (await host.Services.GetRequiredService<CrawlRunner>().RunAsync(id, force: true, CancellationToken.None)).Single();
    }

    private MonitorDbContext Db() => _env.OpenDatabase();

    private async Task<List<string>> UrlsAsync()
    {
        await using var db = Db();
        return await db.Announcements.Select(a => a.CanonicalUrl).ToListAsync();
    }
}
