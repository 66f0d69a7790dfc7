using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Observability;

/// <summary>Gauges read from the database at scrape time (shared by every replica): subscribers by status, sources
/// failing and sources in backoff. Two grouped queries, at most once per <see cref="CacheFor"/> however often scraped.</summary>
internal sealed class StateGauges
{
    /// <summary>How long a reading is reused.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    private readonly MonitorDbContextFactory _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<StateGauges> _logger;
    private readonly Lock _lock = new();
    private (DateTimeOffset At, Snapshot Value)? _last;

    public StateGauges(IMeterFactory meters, MonitorDbContextFactory contexts, TimeProvider time, ILogger<StateGauges> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MonitorMetrics.MeterName);
        meter.CreateObservableGauge("monitor.subscribers", () => Read().Subscribers
            .Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("status", s.Key))), "{subscriber}", "subscribers by status");
        meter.CreateObservableGauge("monitor.sources.failing", () => Read().Failing, "{source}", "sources whose last crawl failed");
        meter.CreateObservableGauge("monitor.sources.backoff", () => Read().Backoff, "{source}", "sources waiting out a backoff or Retry-After");
    }

    private Snapshot Read()
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            if (_last is { } last && now - last.At < CacheFor)
            {
                return last.Value;
            }

            var value = Query(now.UtcDateTime);
            _last = (now, value);
            return value;
        }
    }

    private Snapshot Query(DateTime now)
    {
        try
        {
            using var db = _contexts.CreateDbContext();
            var subscribers = Enum.GetValues<SubscriberStatus>().ToDictionary(s => s.ToString().ToLowerInvariant(), _ => 0L);
            foreach (var row in db.Subscribers.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToList())
            {
                subscribers[row.Key.ToString().ToLowerInvariant()] = row.Count;
            }

            var sources = db.SourceStates.GroupBy(_ => 1).Select(g => new
            {
                Failing = g.LongCount(s => s.ConsecutiveFailures > 0),
                Backoff = g.LongCount(s => s.NextAttemptAt != null && s.NextAttemptAt > now),
            }).FirstOrDefault();
            return new Snapshot(subscribers, sources?.Failing ?? 0, sources?.Backoff ?? 0);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // A scrape never fails because the database is down: /health/ready says that.
            _logger.LogDebug(ex, "State gauges could not read the database");
            return new Snapshot(new Dictionary<string, long>(), 0, 0);
        }
    }

    private sealed record Snapshot(IReadOnlyDictionary<string, long> Subscribers, long Failing, long Backoff);
}
