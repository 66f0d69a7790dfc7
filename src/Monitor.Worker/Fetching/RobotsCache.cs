using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Monitor.Worker.Crawling;
using Monitor.Worker.Storage;
using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Fetching;

/// <summary>
/// robots.txt rules per site for their lifetime: 24 hours (RFC 9309's longest), or shorter when the response's caching
/// headers say so; a site whose robots.txt could not be read (network error, 5xx) is asked again after an hour. Kept in
/// memory for the process and in the database across processes (<see cref="LoadAsync"/> once per crawl pass,
/// <see cref="SaveAsync"/> after it), so a second pass makes no robots.txt requests.
/// </summary>
public sealed class RobotsCache(RobotsStore store, TimeProvider time, IOptions<CrawlingOptions> options, ILogger<RobotsCache> logger)
{
    /// <summary>Longest a robots.txt is trusted without fetching it again.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    /// <summary>How soon a robots.txt that could not be read is asked for again.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (RobotsRules Rules, DateTime Expires)> _rules = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RobotsEntry> _changed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> _fetching = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The rules of <paramref name="site"/>: cached, or from <paramref name="fetch"/>, which runs once for
    /// requests to the same site that arrive while it is under way.</summary>
    public async Task<RobotsRules> GetOrFetchAsync(string site, Func<Task<RobotsRules>> fetch)
    {
        if (TryGet(site, out var cached))
        {
            return cached;
        }

        var pending = _fetching.GetOrAdd(site, _ => new Lazy<Task<RobotsRules>>(fetch));
        try
        {
            return await pending.Value;
        }
        finally
        {
            _fetching.TryRemove(KeyValuePair.Create(site, pending));
        }
    }

    /// <summary>The cached rules of <paramref name="site"/> (scheme, host and port), when still valid.</summary>
    public bool TryGet(string site, out RobotsRules rules)
    {
        if (_rules.TryGetValue(site, out var entry) && entry.Expires > time.GetUtcNow().UtcDateTime)
        {
            rules = entry.Rules;
            return true;
        }

        rules = RobotsRules.AllowAll;
        return false;
    }

    /// <summary>Keeps what <paramref name="site"/>'s robots.txt request returned; the rules to apply.</summary>
    /// <param name="site">Scheme, host and port.</param>
    /// <param name="text">The file's text; null when there is none (4xx) or it could not be read.</param>
    /// <param name="readable">False for network errors and 5xx: allowed for now, asked again sooner.</param>
    /// <param name="lifetime">What the response's caching headers allow, if they say.</param>
    public RobotsRules Put(string site, string? text, bool readable, TimeSpan? lifetime)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var keep = !readable ? RetryAfterFailure : lifetime is { } l && l < MaxLifetime ? (l < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : l) : MaxLifetime;
        var rules = Parse(text);
        _rules[site] = (rules, now + keep);
        _changed[site] = new RobotsEntry { Site = site, Text = text, FetchedAt = now, ExpiresAt = now + keep };
        return rules;
    }

    private int _loaded;

    /// <summary>Loads the kept entries once per process (<see cref="LoadAsync"/>), for crawls of one source at a time.</summary>
    public Task EnsureLoadedAsync(CancellationToken cancellationToken) =>
        Volatile.Read(ref _loaded) == 1 ? Task.CompletedTask : LoadAsync(cancellationToken);

    /// <summary>Adds the still-valid entries kept in the database (one query).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        Volatile.Write(ref _loaded, 1);
        if (!options.Value.RespectRobotsTxt)
        {
            return;
        }

        foreach (var entry in await store.LoadAsync(time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            if (!_rules.TryGetValue(entry.Site, out var known) || known.Expires < entry.ExpiresAt)
            {
                _rules[entry.Site] = (Parse(entry.Text), entry.ExpiresAt);
            }
        }
    }

    /// <summary>Writes the entries fetched since the last save (one transaction); a failure only costs a fetch next time.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var changed = _changed.Keys.Select(k => _changed.TryRemove(k, out var e) ? e : null).OfType<RobotsEntry>().ToList();
        try
        {
            await store.SaveAsync(changed, cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not keep {Count} robots.txt files; they will be fetched again next pass", changed.Count);
        }
    }

    private RobotsRules Parse(string? text) =>
        text is null ? RobotsRules.AllowAll : RobotsRules.Parse(text, PageFetcher.AgentToken(options.Value.UserAgent));
}
