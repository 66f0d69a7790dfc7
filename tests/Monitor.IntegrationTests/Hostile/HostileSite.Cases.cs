using System.Text;
using Microsoft.AspNetCore.Http;

namespace Monitor.IntegrationTests.Hostile;

/// <summary>The misbehaviours and what the crawl must record for each (the README's fault → outcome table).</summary>
public sealed partial class HostileSite
{
    /// <summary>The allow-list the suite runs with: narrower than 127.0.0.0/8, so 127.0.0.2 in any spelling is outside it.</summary>
    public const string AllowedNetwork = "127.0.0.1/32";

    public static readonly IReadOnlyList<HostileCase> Cases =
    [
        new("good-feed", "a well-formed RSS feed (control)", "ok", null, MinStored: 2),
        new("good-listing", "a plain listing page (control)", "ok", null, MinStored: 3, Kind: "listing"),
        new("good-atom", "a well-formed Atom feed (control)", "ok", null, MinStored: 1),
        new("slow-drip", "body trickled one byte every 300 ms", "failed", "timed out"),
        new("slow-headers", "no response headers for 10 s", "failed", "timed out"),
        new("big-declared", "Content-Length of 20 MB", "failed", "exceeds the limit"),
        new("big-chunked", "12 MB chunked, no length", "failed", "exceeds the limit"),
        new("gzip-bomb", "gzip of 200 MB of zeros (200 KB on the wire)", "failed", "exceeds the limit"),
        new("brotli-bomb", "brotli of 200 MB of zeros", "failed", "exceeds the limit"),
        new("redirect-loop", "redirects A -> B -> A ...", "failed", "too many redirects"),
        new("redirect-chain", "a chain of 8 redirects", "failed", "too many redirects"),
        new("redirect-short-chain", "a chain of 3 redirects to a good feed", "ok", null, MinStored: 2),
        new("redirect-private", "redirect to http://10.0.0.1/", "failed", "internal addresses"),
        new("redirect-metadata", "redirect to http://169.254.169.254/latest/meta-data/", "failed", "internal addresses"),
        new("redirect-file", "redirect to file:///etc/passwd", "failed", "redirect to a file: URL refused"),
        new("redirect-ftp", "redirect to ftp://127.0.0.1/feed.xml", "failed", "redirect to a ftp: URL refused"),
        new("redirect-no-location", "302 without a Location", "failed", "without a usable Location"),
        new("loopback-decimal", "redirect to http://2130706434/ (127.0.0.2, decimal)", "failed", "internal addresses"),
        new("loopback-hex", "redirect to http://0x7f000002/ (hex)", "failed", "internal addresses"),
        new("loopback-octal", "redirect to http://0177.0.0.2/ (octal)", "failed", "internal addresses"),
        new("loopback-short", "redirect to http://127.2/ (short form)", "failed", "internal addresses"),
        new("loopback-mapped", "redirect to http://[::ffff:127.0.0.2]/ (IPv4-mapped IPv6)", "failed", "internal addresses"),
        new("loopback-ipv6", "redirect to http://[::1]/", "failed", "internal addresses"),
        new("loopback-any", "redirect to http://0.0.0.0/", "failed", "internal addresses"),
        new("loopback-allowed-decimal", "redirect to http://2130706433/ (127.0.0.1, inside the allow-list)", "ok", null, MinStored: 2),
        new("loopback-allowed-hex", "redirect to http://0x7f000001/ (127.0.0.1, hex)", "ok", null, MinStored: 2),
        new("xxe", "feed with an external entity to file:///etc/passwd", "ok", null, MinStored: 1),
        new("remote-dtd", "feed whose DOCTYPE loads a DTD from the site", "ok", null, MinStored: 1),
        new("billion-laughs", "ten nested entities, each ten of the last", "ok", null, MinStored: 1),
        new("quadratic-blowup", "a 1 KB entity referenced 500,000 times", "failed", "entities expand to more than"),
        new("deep-xml", "a feed nested 200,000 elements deep", "ok", null, MinStored: 1),
        new("deep-html-listing", "a listing page of 200,000 nested <div>", "ok", null),
        new("deep-html-article", "a feed whose article page is 200,000 nested <div>", "ok", null, MinStored: 1),
        new("huge-attribute", "a listing page with a 5 MB attribute value", "ok", null, MinStored: 2, Kind: "listing"),
        new("wide-html", "a listing page with 150,000 sibling links", "failed", "more than 100,000 elements"),
        new("formatting-bomb", "60 unclosed formatting tags, then 60,000 paragraphs that would re-open them (180,000 elements)", "ok", null),
        new("utf16le-bom", "UTF-16LE feed with a byte-order mark", "ok", null, MinStored: 2),
        new("utf16be-declared", "UTF-16BE feed without BOM, declared in the XML declaration", "ok", null, MinStored: 2),
        new("utf32-bom", "UTF-32 feed with a byte-order mark", "ok", null, MinStored: 2),
        new("sjis-as-utf8", "Shift_JIS feed declared (and served) as UTF-8", "ok", null, MinStored: 2, TitleContains: "人工知能"),
        new("gb18030-as-utf8", "GB18030 feed declared as UTF-8", "ok", null, MinStored: 2, TitleContains: "人工智能"),
        new("euckr-as-utf8", "EUC-KR feed declared as UTF-8", "ok", null, MinStored: 2, TitleContains: "인공지능"),
        new("cp1251-as-utf8", "Windows-1251 feed declared as UTF-8", "ok", null, MinStored: 2, TitleContains: "искусственного"),
        new("status-404", "404 Not Found", "failed", "HTTP 404"),
        new("status-410", "410 Gone", "failed", "HTTP 410"),
        new("status-403", "403 Forbidden", "failed", "HTTP 403"),
        new("status-500", "500 on every try", "failed", "HTTP 500"),
        new("status-429", "429 with Retry-After: 120", "rate-limited", "retry after 00:02:00"),
        new("status-503", "503 with Retry-After: 3600", "rate-limited", "retry after 01:00:00"),
        new("reset", "connection aborted after the headers", "failed", null),
        new("truncated", "Content-Length 5,000, 100 bytes sent, connection closed", "failed", null),
        new("closed-port", "nothing listening on the port", "failed", "Connection refused"),
        new("empty-body", "200 with an empty body", "failed", "cannot tell what the document is"),
        new("pdf-as-html", "a PDF served as text/html", "failed", "cannot tell what the document is"),
        new("feed-as-png", "a feed served as image/png", "ok", null, MinStored: 2),
        new("html-as-feed", "an HTML page where kind: feed expects a feed", "failed", "HTML page, not a feed", Kind: "feed"),
        new("json-not-feed", "JSON that is not a JSON Feed", "failed", "JSON but not a JSON Feed"),
        new("binary-garbage", "64 KB of random bytes", "failed", null),
        new("unescaped-html", "a feed with raw HTML in descriptions", "ok", null, MinStored: 2),
        new("robots-disallowed", "a feed under a path robots.txt disallows", "failed", "disallowed by"),
    ];

    static HostileSite() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private void AddRoutes()
    {
        var origin = $"http://127.0.0.1:{Port}";
        Serve("good-feed", "application/rss+xml", Feed("good-feed"));
        Serve("good-atom", "application/atom+xml",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>urn:a</id><updated>2026-11-20T08:00:00Z</updated>" +
            "<entry><title>Parliament adopts AI Act amendments on general-purpose models (atom)</title><id>urn:a:1</id><link href=\"/articles/good-atom-1.html\"/>" +
            "<updated>2026-11-20T08:00:00Z</updated><summary>Parliament adopted amendments to the AI Act.</summary></entry></feed>");
        Serve("good-listing", "text/html; charset=utf-8",
            "<!DOCTYPE html><html><head><title>Press</title></head><body><ul>" + string.Concat(Enumerable.Range(1, 3).Select(i =>
                $"<li><a href=\"/articles/good-listing-{i}.html\">Ministry publishes national AI strategy part {i} for public comment</a> <span class=\"date\">2026-11-2{i}</span></li>")) +
            "</ul></body></html>");

        Route("slow-drip", async c =>
        {
            c.Response.ContentType = "application/rss+xml";
            foreach (var b in Encoding.UTF8.GetBytes(Feed("slow-drip")))
            {
                await c.Response.Body.WriteAsync(new[] { b }, c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(300, c.RequestAborted);
            }
        });
        Route("slow-headers", async c =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted);
            await Send(c, "application/rss+xml", Feed("slow-headers"));
        });
        Route("big-declared", async c =>
        {
            c.Response.ContentType = "application/rss+xml";
            c.Response.ContentLength = 20 * 1024 * 1024;
            await c.Response.Body.WriteAsync(new byte[64 * 1024], c.RequestAborted);
        });
        Route("big-chunked", async c =>
        {
            c.Response.ContentType = "text/html";
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<p>filler text of a page that never ends</p>", 1500)));
            for (var sent = 0; sent < 12 * 1024 * 1024; sent += chunk.Length)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        var gzip = Bomb(200, brotli: false);
        var brotli = Bomb(200, brotli: true);
        Route("gzip-bomb", c => Compressed(c, "gzip", gzip));
        Route("brotli-bomb", c => Compressed(c, "br", brotli));

        Redirect("redirect-loop", "/redirect-loop-b");
        Redirect("redirect-loop-b", "/redirect-loop");
        for (var i = 0; i < 8; i++)
        {
            Redirect(i == 0 ? "redirect-chain" : $"redirect-chain-{i}", $"/redirect-chain-{i + 1}");
        }

        Redirect("redirect-short-chain", "/redirect-short-chain-1");
        Redirect("redirect-short-chain-1", "/redirect-short-chain-2");
        Redirect("redirect-short-chain-2", "/redirect-short-chain-target");
        Serve("redirect-short-chain-target", "application/rss+xml", Feed("redirect-short-chain"));
        Redirect("redirect-private", "http://10.0.0.1/feed.xml");
        Redirect("redirect-metadata", "http://169.254.169.254/latest/meta-data/");
        Redirect("redirect-file", "file:///etc/passwd");
        Redirect("redirect-ftp", "ftp://127.0.0.1/feed.xml");
        Route("redirect-no-location", c =>
        {
            c.Response.StatusCode = 302;
            return Task.CompletedTask;
        });
        Redirect("loopback-decimal", $"http://2130706434:{Port}/good-feed");
        Redirect("loopback-hex", $"http://0x7f000002:{Port}/good-feed");
        Redirect("loopback-octal", $"http://0177.0.0.2:{Port}/good-feed");
        Redirect("loopback-short", $"http://127.2:{Port}/good-feed");
        Redirect("loopback-mapped", $"http://[::ffff:127.0.0.2]:{Port}/good-feed");
        Redirect("loopback-ipv6", $"http://[::1]:{Port}/good-feed");
        Redirect("loopback-any", $"http://0.0.0.0:{Port}/good-feed");
        Redirect("loopback-allowed-decimal", $"http://2130706433:{Port}/loopback-allowed-decimal-target");
        Serve("loopback-allowed-decimal-target", "application/rss+xml", Feed("loopback-allowed-decimal"));
        Redirect("loopback-allowed-hex", $"http://0x7f000001:{Port}/loopback-allowed-hex-target");
        Serve("loopback-allowed-hex-target", "application/rss+xml", Feed("loopback-allowed-hex"));

        Serve("xxe", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + Feed("xxe", 1, "Leak &xxe; national AI strategy", declaration: null));
        Serve("remote-dtd", "application/rss+xml", $"<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"{origin}/evil.dtd\">" + Feed("remote-dtd", 1, declaration: null));
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">");
        }

        Serve("billion-laughs", "application/rss+xml", laughs + "]>" + Feed("billion-laughs", 1, "Laughs &lol9; national AI strategy", declaration: null));
        Serve("quadratic-blowup", "application/rss+xml",
            $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"{new string('x', 1000)}\">]>" +
            Feed("quadratic-blowup", 1, "Blow-up " + string.Concat(Enumerable.Repeat("&a;", 500_000)), declaration: null));
        Serve("deep-xml", "application/rss+xml", Feed("deep-xml", 1, declaration: null).Replace("</channel>", Deep("x", 200_000) + "</channel>", StringComparison.Ordinal));
        Serve("deep-html-listing", "text/html; charset=utf-8", "<html><head><title>Deep</title></head><body>" + Deep("div", 200_000) + "</body></html>");
        Serve("deep-html-article", "application/rss+xml", Feed("deep-html-article", 1).Replace("/articles/deep-html-article-1.html", "/deep-article", StringComparison.Ordinal));
        Serve("deep-article", "text/html; charset=utf-8", "<html><head><title>Deep article</title></head><body>" + Deep("div", 200_000) + "</body></html>");
        Serve("huge-attribute", "text/html; charset=utf-8",
            $"<html><body><div data-x=\"{new string('a', 5 * 1024 * 1024)}\"></div><ul>" + string.Concat(Enumerable.Range(1, 2).Select(i =>
                $"<li><a href=\"/articles/huge-attribute-{i}.html\">Cabinet approves the national artificial intelligence plan, part {i}</a> <span>2026-11-1{i}</span></li>")) + "</ul></body></html>");
        Serve("wide-html", "text/html; charset=utf-8",
            "<html><body>" + string.Concat(Enumerable.Range(1, 150_000).Select(i => $"<a href=\"/x{i}\">{i}</a>")) + "</body></html>");
        Serve("formatting-bomb", "text/html; charset=utf-8",
            "<html><body><p>" + string.Concat(Enumerable.Range(1, 60).Select(i => $"<b id=\"b{i}\">")) + "</p>" +
            string.Concat(Enumerable.Repeat("<p>x</p>", 60_000)) + "</body></html>");

        Serve("utf16le-bom", "application/rss+xml", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Feed("utf16le-bom", declaration: "UTF-16"))]);
        Serve("utf16be-declared", "application/xml", Encoding.BigEndianUnicode.GetBytes(Feed("utf16be-declared", declaration: "UTF-16")));
        Serve("utf32-bom", "application/rss+xml", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Feed("utf32-bom", declaration: "UTF-32"))]);
        Serve("sjis-as-utf8", "application/rss+xml; charset=utf-8", Legacy("shift_jis", Feed("sjis-as-utf8", 2,
            "政府は人工知能の国家戦略を発表し、国産の大規模言語モデルの開発に予算を計上した。人工知能の安全性を検証する研究所も設置する")));
        Serve("gb18030-as-utf8", "application/rss+xml; charset=utf-8", Legacy("gb18030", Feed("gb18030-as-utf8", 2,
            "国务院发布新一代人工智能发展规划，支持国产大语言模型研发和算力基础设施建设，人工智能安全研究所同时成立")));
        Serve("euckr-as-utf8", "application/rss+xml; charset=utf-8", Legacy("euc-kr", Feed("euckr-as-utf8", 2,
            "과학기술정보통신부는 인공지능 국가 전략을 발표하고 한국형 초거대 언어모델 개발을 지원한다고 밝혔다. 인공지능 안전연구소도 설립한다")));
        Serve("cp1251-as-utf8", "application/rss+xml; charset=utf-8", Legacy("windows-1251", Feed("cp1251-as-utf8", 2,
            "Правительство утвердило национальную стратегию развития искусственного интеллекта и выделило средства на отечественную языковую модель")));

        Status("status-404", 404);
        Status("status-410", 410);
        Status("status-403", 403);
        Status("status-500", 500);
        Status("status-429", 429, "120");
        Status("status-503", 503, "3600");
        Route("reset", async c =>
        {
            c.Response.ContentType = "application/rss+xml";
            await c.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("<rss><channel><item><title>cut"));
            await c.Response.Body.FlushAsync();
            c.Abort();
        });
        Route("truncated", async c =>
        {
            c.Response.ContentType = "application/rss+xml";
            c.Response.ContentLength = 5000;
            await c.Response.Body.WriteAsync(new byte[100]);
            await c.Response.Body.FlushAsync();
            c.Abort();
        });
        Serve("empty-body", "application/octet-stream", "");
        Serve("pdf-as-html", "text/html", Encoding.ASCII.GetBytes("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"));
        Serve("feed-as-png", "image/png", Feed("feed-as-png"));
        Serve("html-as-feed", "application/rss+xml", "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Welcome</p></body></html>");
        Serve("json-not-feed", "application/json", "{\"status\":\"ok\",\"data\":[1,2,3]}");
        var random = new Random(11);
        var garbage = new byte[64 * 1024];
        random.NextBytes(garbage);
        Serve("binary-garbage", "application/octet-stream", garbage);
        Serve("unescaped-html", "application/rss+xml", Feed("unescaped-html").Replace("<description>The ministry", "<description><p>The <b>ministry<br>", StringComparison.Ordinal));
        Serve("robots-disallowed/feed.xml", "application/rss+xml", Feed("robots-disallowed"));
    }

    /// <summary>The URL a case's source points at (most are this site's route of the same name).</summary>
    public Uri SourceUrl(HostileCase c) => c.Id switch
    {
        "closed-port" => new Uri($"http://127.0.0.1:{ClosedPort()}/feed.xml"),
        "robots-disallowed" => Url("robots-disallowed/feed.xml"),
        _ => Url(c.Id),
    };

    private static int ClosedPort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static async Task Compressed(HttpContext context, string encoding, byte[] body)
    {
        context.Response.ContentType = "application/rss+xml";
        context.Response.Headers.ContentEncoding = encoding;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static string Deep(string tag, int levels) =>
        string.Concat(Enumerable.Repeat($"<{tag}>", levels)) + "deep text" + string.Concat(Enumerable.Repeat($"</{tag}>", levels));

    private static byte[] Legacy(string charset, string text) => Encoding.GetEncoding(charset).GetBytes(text);
}
