namespace Monitor.IntegrationTests.Infrastructure;

/// <summary>Small feeds and pages written for these tests (realistic shape, invented content).</summary>
public static class Fixtures
{
    /// <summary>Three relevant stories that share no title words or text (similar ones would fold into one story).</summary>
    public static readonly (string Title, string Text)[] Stories =
    [
        ("Japan funds a sovereign AI model for public services", "The Digital Agency will fund a Japanese large language model for ministries and local governments."),
        ("Parliament adopts amendments on general-purpose AI models", "Members adopted transparency obligations for providers of general-purpose AI models under the AI Act."),
        ("Korea selects consortia to build its national foundation model", "The Ministry of Science and ICT chose three consortia and will provide GPUs for a Korean foundation model."),
    ];

    /// <summary>An RSS feed of the first <paramref name="count"/> <see cref="Stories"/>.</summary>
    public static string StoriesFeed(int count) => Rss(Enumerable.Range(0, count).Select(i =>
        ($"story-{i}", Stories[i].Title, $"/news/{i}.html", "Fri, 20 Nov 2026 08:30:00 +0000", Stories[i].Text)).ToArray());

    public static string Rss(params (string Guid, string Title, string Link, string Date, string Description)[] items) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Policy wire</title><link>/</link><description>test</description>
        {string.Concat(items.Select(i => $"<item><title>{i.Title}</title><link>{i.Link}</link><guid isPermaLink=\"false\">{i.Guid}</guid><pubDate>{i.Date}</pubDate><description>{i.Description}</description></item>"))}
        </channel></rss>
        """;

    public static string Listing(params (string Href, string Title, string Date)[] items) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Press releases</title></head><body>
        <header><nav><a href="/">Home</a> <a href="/about">About</a> <a href="/contact">Contact</a></nav></header>
        <main><h1>Press releases</h1><ul class="news">
        {string.Concat(items.Select(i => $"<li class=\"news-item\"><a class=\"title\" href=\"{i.Href}\">{i.Title}</a> <span class=\"date\">{i.Date}</span></li>"))}
        </ul></main><footer>© 2026 Ministry</footer></body></html>
        """;

    public static string Article(string title, string date, params string[] paragraphs) => $"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Ministry</title>
        <meta property="article:published_time" content="{date}"></head><body>
        <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
        <main><article><h1>{title}</h1><time datetime="{date}">{date}</time>
        {string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}
        </article></main><footer>© 2026 Ministry. Privacy. Cookies.</footer></body></html>
        """;
}
