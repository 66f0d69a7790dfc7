using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Crawling;

/// <summary>How sources and article pages are fetched. Section <c>Monitor:Crawling</c>.</summary>
public sealed class CrawlingOptions
{
    public const string SectionName = "Monitor:Crawling";

    /// <summary>User-Agent sent with every request; names the project and a contact URL.</summary>
    [Required]
    public string UserAgent { get; set; } = "MonitorBot/1.0 (+https://github.com/monitor-ai-policy/monitor)";

    /// <summary>Per-request timeout in seconds.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Largest response body accepted, in bytes (after decompression); larger bodies fail the fetch.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Sources fetched at once by the process, in all crawl passes together (the I/O stage: source document,
    /// known-item lookup, new pages); extraction and classification run on one worker per core, storing on one per pass.
    /// Fetching waits on the network, so this is well above the number of cores; <see cref="MaxRequestsPerHost"/> still
    /// protects each site.</summary>
    [Range(1, 64)]
    public int MaxParallelSources { get; set; } = 16;

    /// <summary>Concurrent requests to one host.</summary>
    [Range(1, 16)]
    public int MaxRequestsPerHost { get; set; } = 2;

    /// <summary>New items whose pages are fetched per source and run (the rest wait for the next run).</summary>
    [Range(1, 1000)]
    public int MaxNewItemsPerRun { get; set; } = 30;

    /// <summary>Listing pages followed through "next" links, on a source's first crawl only.</summary>
    [Range(1, 50)]
    public int MaxListingPages { get; set; } = 3;

    /// <summary>Child sitemaps of a sitemap index read per run (newest first).</summary>
    [Range(1, 100)]
    public int MaxSitemapChildren { get; set; } = 5;

    /// <summary>After this many consecutive failures a source is skipped until its config changes or a manual crawl.</summary>
    [Range(1, 1000)]
    public int MaxConsecutiveFailures { get; set; } = 10;

    /// <summary>
    /// Seconds of work one fetched document may take in one stage (parsing a feed or sitemap, reading a listing,
    /// extracting an article); past it the document fails with that reason and the crawl moves on.
    /// </summary>
    [Range(0.1, 60)]
    public double DocumentBudgetSeconds { get; set; } = 5;

    /// <summary>Fetch each new item's page to extract its text (off: keep the feed's data only).</summary>
    public bool FetchArticles { get; set; } = true;

    /// <summary>Obey each site's robots.txt (rules for the User-Agent's product token, else for <c>*</c>).</summary>
    public bool RespectRobotsTxt { get; set; } = true;

    /// <summary>
    /// Internal networks (CIDR, e.g. <c>127.0.0.0/8</c>, <c>10.20.0.0/16</c>) the crawler may reach; empty by default,
    /// so only public addresses are fetched (the SSRF guard). Link-local and metadata addresses (169.254.0.0/16,
    /// fe80::/10) and 0.0.0.0/8 stay refused unless an entry lies within them.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Deprecated: <c>true</c> acts as <c>AllowedNetworks</c> <c>127.0.0.0/8</c> and logs a warning.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The loopback network the deprecated <see cref="AllowPrivateNetworks"/> stands for.</summary>
    public const string DeprecatedAliasNetwork = "127.0.0.0/8";

    /// <summary>The allowed networks parsed (entries that do not parse are left out; settings validation reports them).</summary>
    public IReadOnlyList<System.Net.IPNetwork> ParsedAllowedNetworks()
    {
        var entries = AllowPrivateNetworks ? AllowedNetworks.Append(DeprecatedAliasNetwork) : AllowedNetworks;
        return entries.Select(e => System.Net.IPNetwork.TryParse(e.Trim(), out var n) ? n : (System.Net.IPNetwork?)null)
            .OfType<System.Net.IPNetwork>().ToList();
    }
}
