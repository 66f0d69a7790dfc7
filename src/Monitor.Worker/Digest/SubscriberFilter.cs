using Monitor.Worker.Storage.Entities;

namespace Monitor.Worker.Digest;

/// <summary>A subscriber's filters, parsed once per run. Pure.</summary>
public sealed class SubscriberFilter
{
    private readonly HashSet<string> _topics;
    private readonly HashSet<string> _countries;
    private readonly string[] _languages;

    private SubscriberFilter(HashSet<string> topics, HashSet<string> countries, string[] languages, double minScore)
    {
        _topics = topics;
        _countries = countries;
        _languages = languages;
        MinScore = minScore;
    }

    /// <summary>The lowest score sent to this subscriber.</summary>
    public double MinScore { get; }

    /// <summary>The filters of <paramref name="subscriber"/>; instant subscribers get only items of at least <paramref name="instantMinScore"/>.</summary>
    public static SubscriberFilter For(Subscriber subscriber, double defaultMinScore, double instantMinScore)
    {
        var min = subscriber.MinScore ?? defaultMinScore;
        if (subscriber.Frequency == DigestFrequency.Instant)
        {
            min = Math.Max(min, instantMinScore);
        }

        return new SubscriberFilter(
            Split(subscriber.Topics).ToHashSet(StringComparer.Ordinal),
            Split(subscriber.Countries).ToHashSet(StringComparer.OrdinalIgnoreCase),
            Split(subscriber.Languages),
            min);
    }

    /// <summary>True when <paramref name="candidate"/> passes the score, topic, country and language filters.</summary>
    public bool Matches(DigestCandidate candidate)
    {
        if (candidate.Score < MinScore)
        {
            return false;
        }

        if (_topics.Count > 0 && !candidate.Topics.Any(_topics.Contains))
        {
            return false;
        }

        if (_countries.Count > 0 && !candidate.Countries.Any(_countries.Contains))
        {
            return false;
        }

        if (_languages.Length == 0)
        {
            return true;
        }

        var language = candidate.Announcement.Language;
        return language is not null && _languages.Any(l => language.Equals(l, StringComparison.OrdinalIgnoreCase)
            || language.StartsWith(l + "-", StringComparison.OrdinalIgnoreCase));
    }

    private static string[] Split(string value) => value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
