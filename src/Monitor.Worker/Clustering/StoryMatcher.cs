namespace Monitor.Worker.Clustering;

/// <summary>Decides whether a new announcement reports the same story as a recent one. Pure.</summary>
public static class StoryMatcher
{
    /// <summary>Most SimHash bits two texts may differ by and still be one story.</summary>
    public const int MaxTextDistance = 3;

    /// <summary>Least share of title tokens two titles must have in common to be one story.</summary>
    public const double MinTitleOverlap = 0.8;

    /// <summary>Fewest distinct title tokens for the title rule (shorter titles say too little).</summary>
    public const int MinTitleTokens = 4;

    /// <summary>Returns the recent candidate that matches <paramref name="candidate"/>, or null.</summary>
    public static StoryCandidate? FindMatch(StoryCandidate candidate, IEnumerable<StoryCandidate> recent) =>
        FindMatch(candidate, recent, TitleTokens);

    /// <summary>Returns the recent candidate that matches <paramref name="candidate"/>, or null, with title token sets
    /// from <paramref name="tokensOf"/> (a cache, when one candidate is compared many times).</summary>
    public static StoryCandidate? FindMatch(StoryCandidate candidate, IEnumerable<StoryCandidate> recent, Func<StoryCandidate, HashSet<string>> tokensOf)
    {
        var titleTokens = tokensOf(candidate);
        foreach (var other in recent)
        {
            if (candidate.TextHash != 0 && other.TextHash != 0 && SimHash.Distance(candidate.TextHash, other.TextHash) <= MaxTextDistance)
            {
                return other;
            }

            if (titleTokens.Count >= MinTitleTokens && TitleOverlap(titleTokens, tokensOf(other)) >= MinTitleOverlap)
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>The distinct tokens of <paramref name="candidate"/>'s title.</summary>
    public static HashSet<string> TitleTokens(StoryCandidate candidate) => SimHash.Tokens(candidate.Title).ToHashSet(StringComparer.Ordinal);

    private static double TitleOverlap(HashSet<string> tokens, HashSet<string> other)
    {
        if (other.Count < MinTitleTokens)
        {
            return 0;
        }

        var common = tokens.Count(other.Contains);
        return (double)common / Math.Max(tokens.Count, other.Count);
    }
}
