namespace Monitor.Worker.Clustering;

/// <summary>
/// The index keys that find an announcement's possible story mates without scanning the story window. Pure.
/// <list type="bullet">
/// <item>Text: the SimHash split into four 16-bit bands. Two hashes within <see cref="StoryMatcher.MaxTextDistance"/>
/// (3) bits differ in at most three bands, so at least one band is equal (pigeonhole).</item>
/// <item>Title: prefix filtering. Two token sets that share at least 80% of the larger one share at least one token
/// among the first <c>n - ceil(0.8 n) + 1</c> tokens of each, taken in one fixed global order; those tokens' hashes
/// are the keys. The order puts tokens that many titles share last
/// (<see cref="CommonTitleTokens"/>), then longer tokens first (rarer, so fewer candidates), then orders by hash.</item>
/// </list>
/// Every pair the matcher accepts therefore shares a key, and the lookup returns a superset of the scan's matches.
/// </summary>
public static class StoryKeys
{
    /// <summary>The four 16-bit bands of <paramref name="simHash"/>; null for 0 (no text, never matched by text).</summary>
    public static int[]? Bands(long simHash)
    {
        if (simHash == 0)
        {
            return null;
        }

        var value = unchecked((ulong)simHash);
        return [(int)(value & 0xFFFF), (int)((value >> 16) & 0xFFFF), (int)((value >> 32) & 0xFFFF), (int)(value >> 48)];
    }

    /// <summary>The title keys of <paramref name="titleTokens"/> (distinct tokens); none below the matcher's minimum size.</summary>
    public static long[] TitleKeys(IReadOnlyCollection<string> titleTokens)
    {
        var count = titleTokens.Count;
        if (count < StoryMatcher.MinTitleTokens)
        {
            return [];
        }

        // ceil(0.8 n) as integers: the least number of shared tokens that reaches the overlap threshold.
        var needed = ((4 * count) + 4) / 5;
        var prefix = count - needed + 1;
        return titleTokens
            .Select(t => (Common: CommonTitleTokens.Set.Contains(t), t.Length, Hash: TokenHash(t)))
            .OrderBy(t => t.Common)
            .ThenByDescending(t => t.Length)
            .ThenBy(t => t.Hash)
            .Take(prefix)
            .Select(t => t.Hash)
            .ToArray();
    }

    /// <summary>
    /// The anchor keys of <paramref name="anchors"/> (in <see cref="StoryAnchors"/> order): two reports sharing at least
    /// <see cref="StoryMatcher.MinSharedAnchors"/> anchors share one among the first <c>n - MinSharedAnchors + 1</c>
    /// of each (prefix filtering again). Tagged so they never equal a title key.
    /// </summary>
    public static IEnumerable<long> AnchorKeys(IReadOnlyList<string> anchors) =>
        anchors.Count < StoryMatcher.MinSharedAnchors
            ? []
            : anchors.Take(anchors.Count - StoryMatcher.MinSharedAnchors + 1).Select(a => TokenHash("#" + a));

    /// <summary>A 64-bit hash of one title token (FNV-1a with a final avalanche), stable across processes.</summary>
    public static long TokenHash(string token)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccdUL;
        hash ^= hash >> 33;
        return unchecked((long)hash);
    }
}
