using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Monitor.Worker.Digest;
using Monitor.Worker.Sources;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Status;

/// <summary>
/// Reads the status page's data: the configured sources with their stored state, the newest announcements, subscriber
/// counts by status, the newest deliveries and failures (each a bounded read on an index), and a configuration summary.
/// </summary>
public sealed class StatusQuery(
    MonitorDbContextFactory contexts,
    SourceCatalog catalog,
    IOptions<CrawlingOptions> crawling,
    StatusConfiguration configuration,
    TimeProvider time)
{
    /// <summary>Rows shown in each recent list.</summary>
    public const int RecentRows = 30;

    public async Task<StatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var states = await db.SourceStates.AsNoTracking().ToDictionaryAsync(s => s.SourceId, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var sources = catalog.Sources.OrderBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => Source(s, states.GetValueOrDefault(s.Id), now)).ToList();

        var threshold = catalog.Classifier.DigestThreshold;
        var announcements = (await db.Announcements.AsNoTracking().OrderByDescending(a => a.FetchedAt).Take(RecentRows)
                .Select(a => new { a.Id, a.StoryId, a.Title, a.CanonicalUrl, a.SourceId, a.FetchedAt, a.Relevant, a.Score, a.Topics, a.Countries, a.Models, a.Reasons, a.Summary })
                .ToListAsync(cancellationToken))
            .Select(a => new RecentAnnouncement(a.Id, a.StoryId, a.Title, a.CanonicalUrl, catalog.Find(a.SourceId)?.DisplayName ?? a.SourceId, a.FetchedAt,
                a.Relevant, a.Score, Split(a.Topics, ' ').Select(TopicNames.Of).ToList(), Split(a.Countries, ' '), Split(a.Models, '|'),
                Verdict(a.Relevant, a.Score, threshold),
                MatchExplanation.From(Split(a.Reasons, '|'), a.Title + "\n" + a.Summary) is { IsEmpty: false } why ? why.ToLine() : "no topic, country or AI term matched"))
            .ToList();

        var subscribers = (await db.Subscribers.AsNoTracking().GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .Select(g => (g.Key.ToString().ToLowerInvariant(), g.Count)).OrderBy(g => g.Item1, StringComparer.Ordinal).ToList();

        var deliveries = await Deliveries(db, db.DigestDeliveries.AsNoTracking(), cancellationToken);
        var failed = await Deliveries(db, db.DigestDeliveries.AsNoTracking().Where(d => d.State == DeliveryState.Failed), cancellationToken);
        var givenUp = await Deliveries(db, db.DigestDeliveries.AsNoTracking().Where(d => d.State == DeliveryState.GivenUp), cancellationToken);
        var failures = failed.Concat(givenUp).OrderByDescending(d => d.Id).Take(RecentRows).ToList();
        return new StatusReport(sources, announcements, subscribers, deliveries, failures, configuration.Summarize(), now);
    }

    private SourceStatus Source(SourceDefinition source, SourceState? state, DateTime now)
    {
        var failures = state?.ConsecutiveFailures ?? 0;
        var limit = crawling.Value.MaxConsecutiveFailures;
        var (health, problem) = (source.Enabled, state) switch
        {
            (false, _) => ("disabled in sources.yaml", false),
            (_, null) => ("not crawled yet", false),
            _ when failures >= limit => ($"stopped after {failures} failures in a row; `crawl --source {source.Id}` tries it again", true),
            _ when failures > 0 => ($"failing: {failures} in a row, next try {When(state.NextAttemptAt)}", true),
            _ when state.LastOutcome == "rate-limited" => ($"asked to wait until {When(state.NextAttemptAt)}", false),
            _ => ("healthy", false),
        };
        return new SourceStatus(source.Id, source.DisplayName, source.Country, health, problem, state?.LastOutcome, state?.LastAttemptAt, state?.LastSuccessAt,
            failures, state?.LastError, state?.NextAttemptAt, state?.ItemsStored ?? 0);
    }

    private static string Verdict(bool relevant, double score, double threshold) => relevant
        ? string.Create(CultureInfo.InvariantCulture, $"relevant (score {score:0.00}, threshold {threshold:0.00})")
        : string.Create(CultureInfo.InvariantCulture, $"not relevant (score {score:0.00}, below the threshold {threshold:0.00})");

    private static string When(DateTime? at) => at is { } value ? value.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "at the next scheduled crawl";

    private static async Task<List<DeliveryStatus>> Deliveries(MonitorDbContext db, IQueryable<DigestDelivery> query, CancellationToken cancellationToken) =>
        (await query.OrderByDescending(d => d.Id).Take(RecentRows)
            .Join(db.Subscribers, d => d.SubscriberId, s => s.Id, (d, s) => new { d.Id, s.Email, d.PeriodKey, d.State, d.Attempts, d.CreatedAt, d.SentAt, d.LastError })
            .ToListAsync(cancellationToken))
        .OrderByDescending(d => d.Id)
        .Select(d => new DeliveryStatus(d.Id, d.Email, d.PeriodKey, d.State switch
        {
            DeliveryState.Pending => "pending",
            DeliveryState.Sent => "sent",
            DeliveryState.Failed => "failed, will be retried",
            _ => "given up",
        }, d.Attempts, d.CreatedAt, d.SentAt, d.LastError)).ToList();

    private static List<string> Split(string value, char separator) =>
        [.. value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
