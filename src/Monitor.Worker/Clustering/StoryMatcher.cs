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
    public static StoryCandidate? FindMatch(StoryCandidate candidate, IEnumerable<StoryCandidate> recent)
    {
        var titleTokens = SimHash.Tokens(candidate.Title).ToHashSet(StringComparer.Ordinal);
        foreach (var other in recent)
        {
            if (candidate.TextHash != 0 && other.TextHash != 0 && SimHash.Distance(candidate.TextHash, other.TextHash) <= MaxTextDistance)
            {
                return other;
            }

            if (titleTokens.Count >= MinTitleTokens && TitleOverlap(titleTokens, other.Title) >= MinTitleOverlap)
            {
                return other;
            }
        }

        return null;
    }

    private static double TitleOverlap(HashSet<string> tokens, string otherTitle)
    {
        var other = SimHash.Tokens(otherTitle).ToHashSet(StringComparer.Ordinal);
        if (other.Count < MinTitleTokens)
        {
            return 0;
        }

        var common = tokens.Count(other.Contains);
        return (double)common / Math.Max(tokens.Count, other.Count);
    }
}
