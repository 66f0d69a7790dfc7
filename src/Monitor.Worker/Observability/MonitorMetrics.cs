using System.Diagnostics;
using System.Diagnostics.Metrics;
using Monitor.Worker.Crawling;
using Monitor.Worker.Fetching;

namespace Monitor.Worker.Observability;

/// <summary>The worker's own OpenTelemetry instruments (meter <c>Monitor</c>). Prometheus names: dots become
/// underscores, counters end in <c>_total</c>, the unit is appended (<c>monitor_fetch_duration_seconds</c>).</summary>
public sealed class MonitorMetrics
{
    /// <summary>The meter name to listen to.</summary>
    public const string MeterName = "Monitor";

    private readonly Counter<long> _fetches;
    private readonly Counter<long> _fetchBytes;
    private readonly Histogram<double> _fetchDuration;
    private readonly Counter<long> _itemsSeen;
    private readonly Counter<long> _itemsNew;
    private readonly Counter<long> _itemsRelevant;
    private readonly Counter<long> _classifications;
    private readonly Counter<long> _stories;
    private readonly Counter<long> _digests;
    private readonly Counter<long> _sourceFailures;
    private readonly Histogram<double> _crawlPass;
    private readonly Histogram<double> _sourceCrawl;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/>.</summary>
    public MonitorMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _fetches = meter.CreateCounter<long>("monitor.fetches", "{fetch}", "HTTP fetches by outcome (ok, not_modified, rate_limited, failed) and status class");
        _fetchBytes = meter.CreateCounter<long>("monitor.fetch.bytes", "By", "bytes of fetched bodies, after decompression");
        _fetchDuration = meter.CreateHistogram<double>("monitor.fetch.duration", "s", "time of one fetch, redirects and body included");
        _itemsSeen = meter.CreateCounter<long>("monitor.items.seen", "{item}", "items read from a source's document");
        _itemsNew = meter.CreateCounter<long>("monitor.items.new", "{item}", "new items stored");
        _itemsRelevant = meter.CreateCounter<long>("monitor.items.relevant", "{item}", "new items classified relevant");
        _classifications = meter.CreateCounter<long>("monitor.classifications", "{item}", "stored items by topic (topic=none: no topic)");
        _stories = meter.CreateCounter<long>("monitor.stories", "{announcement}", "stored announcements that opened a story or joined one");
        _digests = meter.CreateCounter<long>("monitor.digests", "{digest}", "digests by outcome: sent, failed, given_up");
        _sourceFailures = meter.CreateCounter<long>("monitor.source.failures", "{failure}", "failed crawls by source");
        _crawlPass = meter.CreateHistogram<double>("monitor.crawl.pass.duration", "s", "time of a crawl pass over many sources (crawl, demo)");
        _sourceCrawl = meter.CreateHistogram<double>("monitor.crawl.source.duration", "s", "time of one source's crawl, by outcome");
    }

    /// <summary>One HTTP request and its outcome; <paramref name="purpose"/> is page or robots.</summary>
    public void Fetched(FetchResult result, string purpose, TimeSpan elapsed)
    {
        var (outcome, status) = result switch
        {
            FetchResult.Ok => ("ok", "2xx"),
            FetchResult.NotModified => ("not_modified", "3xx"),
            FetchResult.RateLimited limited => ("rate_limited", $"{(int)limited.Status / 100}xx"),
            FetchResult.Failed { Status: { } code } => ("failed", $"{(int)code / 100}xx"),
            _ => ("failed", "none"),
        };
        var tags = new TagList { { "outcome", outcome }, { "status_class", status }, { "purpose", purpose } };
        _fetches.Add(1, tags);
        _fetchDuration.Record(elapsed.TotalSeconds, tags);
        if (result is FetchResult.Ok ok)
        {
            _fetchBytes.Add(ok.Body.LongLength, new KeyValuePair<string, object?>("purpose", purpose));
        }
    }

    /// <summary>One source's crawl: items seen, new and relevant, and a failure when it failed.</summary>
    public void Crawled(CrawlOutcome outcome)
    {
        var source = new KeyValuePair<string, object?>("source", outcome.SourceId);
        _itemsSeen.Add(outcome.ItemsSeen, source);
        _itemsNew.Add(outcome.ItemsNew, source);
        _itemsRelevant.Add(outcome.ItemsRelevant, source);
        if (outcome.Status == "failed")
        {
            _sourceFailures.Add(1, source);
        }

        _sourceCrawl.Record(outcome.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome.Status));
    }

    /// <summary>A stored announcement: its topics (space-separated ids), and whether it opened a story.</summary>
    public void Stored(string topics, bool relevant, bool openedStory)
    {
        var ids = topics.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var relevance = new KeyValuePair<string, object?>("relevant", relevant ? "true" : "false");
        if (ids.Length == 0)
        {
            _classifications.Add(1, new KeyValuePair<string, object?>("topic", "none"), relevance);
        }

        foreach (var topic in ids)
        {
            _classifications.Add(1, new KeyValuePair<string, object?>("topic", topic), relevance);
        }

        _stories.Add(1, new KeyValuePair<string, object?>("event", openedStory ? "opened" : "joined"));
    }

    /// <summary>A digest's outcome (sent, failed or given-up; others are not counted).</summary>
    public void Digest(string status)
    {
        if (status is "sent" or "failed" or "given-up")
        {
            _digests.Add(1, new KeyValuePair<string, object?>("outcome", status.Replace('-', '_')));
        }
    }

    /// <summary>A crawl pass over many sources ended.</summary>
    public void CrawlPass(TimeSpan elapsed, int sources) =>
        _crawlPass.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("sources", sources == 1 ? "one" : "many"));
}
