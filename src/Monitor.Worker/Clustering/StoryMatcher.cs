namespace Monitor.Worker.Clustering;

/// <summary>Decides whether a new announcement reports the same story as a recent one. Pure.</summary>
public static class StoryMatcher
{
    /// <summary>Most SimHash bits two texts may differ by and still be one story.</summary>
    public const int MaxTextDistance = 3;

    /// <summary>Least share of title tokens two titles must have in common to be one story.</summary>
    public const double MinTitleOverlap = 0.8;

    /// <summary>Fewest anchors two reports must share for the anchor rule.</summary>
    public const int MinSharedAnchors = 3;

    /// <summary>Least share of the smaller anchor set that two reports must have in common for the anchor rule.</summary>
    public const double MinAnchorOverlap = 0.25;

    /// <summary>Most days between two reports' publication for the anchor rule (rewrites of one release follow it closely).</summary>
    public const int MaxAnchorDays = 3;

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

            if (SharesAnchors(candidate, other))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>
    /// The anchor rule, for rewrites and translations of one release: published within <see cref="MaxAnchorDays"/> of
    /// each other, and sharing at least <see cref="MinSharedAnchors"/> anchors that make up at least
    /// <see cref="MinAnchorOverlap"/> of the smaller set.
    /// </summary>
    public static bool SharesAnchors(StoryCandidate a, StoryCandidate b)
    {
        if (a.Anchors.Count < MinSharedAnchors || b.Anchors.Count < MinSharedAnchors || a.Published is not { } pa || b.Published is not { } pb
            || (pa - pb).Duration() > TimeSpan.FromDays(MaxAnchorDays))
        {
            return false;
        }

        var shared = a.Anchors.Count(b.Anchors.Contains);
        return shared >= MinSharedAnchors && shared >= MinAnchorOverlap * Math.Min(a.Anchors.Count, b.Anchors.Count);
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
