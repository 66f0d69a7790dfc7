using System.Globalization;
using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Scheduling;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Subscriptions;
using Monitor.Worker.Web;

namespace Monitor.Worker.Status;

/// <summary>
/// The configuration summary of the status page. Secrets (the connection string's credentials, the SMTP password, the
/// admin token, the LLM key) are never read into it: only whether each is set.
/// </summary>
public sealed class StatusConfiguration(
    MonitorDbContextFactory contexts,
    SourceCatalog catalog,
    IOptions<CrawlingOptions> crawling,
    IOptions<SchedulingOptions> scheduling,
    IOptions<DigestOptions> digest,
    IOptions<SmtpOptions> smtp,
    IOptions<SubscriptionOptions> subscriptions,
    IOptions<WebOptions> web,
    IOptions<LlmRefinementOptions> llm)
{
    /// <summary>Setting and value pairs, in the order the README's configuration table has them.</summary>
    public IReadOnlyList<(string Setting, string Value)> Summarize()
    {
        var c = crawling.Value;
        var s = scheduling.Value;
        var d = digest.Value;
        var m = smtp.Value;
        var l = llm.Value;
        var enabled = catalog.Sources.Count(x => x.Enabled);
        return
        [
            ("Database", contexts.Describe()),
            ("Sources", $"{enabled} enabled of {catalog.Sources.Count}"),
            ("Crawl schedule (default)", $"{s.DefaultCrawlSchedule}, jitter {s.JitterSeconds} s{(s.Enabled ? "" : "; scheduler off")}"),
            ("Crawling", Invariant($"{c.MaxParallelSources} sources at once, {c.MaxRequestsPerHost} requests per host, timeout {c.TimeoutSeconds} s, at most {c.MaxBodyBytes:N0} bytes, {c.MaxNewItemsPerRun} new items per run, stopped after {c.MaxConsecutiveFailures} failures")),
            ("robots.txt", c.RespectRobotsTxt ? "obeyed" : "ignored"),
            ("Internal networks allowed", c.AllowedNetworks.Count == 0 ? "none" : string.Join(", ", c.AllowedNetworks)),
            ("Digest schedule", s.DigestSchedule),
            ("Digest", Invariant($"from {d.FromName} <{d.From}>, minimum score {d.MinScore:0.00}, at most {d.MaxItems} stories, {d.MaxAttempts} attempts")),
            ("Mail", string.IsNullOrWhiteSpace(m.Host) ? $"no SMTP host: written to {d.OutboxDirectory}"
                : $"{m.Host}:{m.Port} ({m.Security}), {(string.IsNullOrEmpty(m.UserName) ? "no login" : "login set")}, password {Set(m.Password)}"),
            ("Public address", subscriptions.Value.PublicBaseUrl),
            ("Listening on", web.Value.Urls),
            ("Status page token", Set(web.Value.AdminToken)),
            ("LLM second opinion", l.Enabled ? $"on: {l.Model} at {Host(l.Endpoint)}, key {Set(l.ApiKey)}" : "off"),
            ("Classifier threshold", catalog.Classifier.DigestThreshold.ToString("0.00", CultureInfo.InvariantCulture)),
        ];
    }

    // Only scheme, host and port: a path or query could carry a key.
    private static string Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}:{uri.Port}" : "(not set)";

    private static string Set(string? secret) => string.IsNullOrEmpty(secret) ? "not set" : "set";

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
