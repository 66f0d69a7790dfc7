namespace Monitor.Worker.Clustering;

/// <summary>Files a batch of new announcements under stories: each joins the first earlier report it matches, stored or
/// earlier in the same batch. Each is compared only with the reports that share one of its index keys (the others
/// cannot match, see <see cref="StoryKeys"/>), so a batch costs in proportion to its candidates. Pure.</summary>
public static class StoryAssignment
{
    /// <summary>
    /// For each of <paramref name="batch"/> (in order), the candidate it matches: one of <paramref name="recent"/> (in
    /// id order, as a scan would meet them), else an earlier batch item, whose <see cref="StoryCandidate.AnnouncementId"/>
    /// is then <c>-(index + 1)</c>; null when it opens a story of its own.
    /// </summary>
    public static StoryCandidate?[] Assign(IReadOnlyList<StoryCandidate> batch, IReadOnlyList<StoryCandidate> recent)
    {
        var tokens = new Dictionary<StoryCandidate, HashSet<string>>(ReferenceEqualityComparer.Instance);
        HashSet<string> TokensOf(StoryCandidate c)
        {
            if (!tokens.TryGetValue(c, out var set))
            {
                tokens[c] = set = StoryMatcher.TitleTokens(c);
            }

            return set;
        }

        var stored = new KeyIndex(TokensOf);
        foreach (var candidate in recent.OrderBy(c => c.AnnouncementId))
        {
            stored.Add(candidate);
        }

        var earlier = new KeyIndex(TokensOf);
        var matches = new StoryCandidate?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var keys = KeysOf(batch[i], TokensOf(batch[i]));
            matches[i] = StoryMatcher.FindMatch(batch[i], stored.Sharing(keys), TokensOf) ?? StoryMatcher.FindMatch(batch[i], earlier.Sharing(keys), TokensOf);
            var self = batch[i] with { AnnouncementId = -(i + 1) };
            tokens[self] = TokensOf(batch[i]);
            earlier.Add(self, keys);
        }

        return matches;
    }

    /// <summary>The index keys of <paramref name="candidate"/>: its four bands (tagged by position) and its title keys.</summary>
    public static List<long> KeysOf(StoryCandidate candidate, IReadOnlyCollection<string> titleTokens)
    {
        var keys = new List<long>(8);
        if (StoryKeys.Bands(candidate.TextHash) is { } bands)
        {
            for (var b = 0; b < bands.Length; b++)
            {
                // Bands live in their own key range (a title key hash colliding with one only costs a comparison).
                keys.Add(((long)(b + 1) << 56) | (uint)bands[b]);
            }
        }

        keys.AddRange(StoryKeys.TitleKeys(titleTokens));
        return keys;
    }

    private sealed class KeyIndex(Func<StoryCandidate, HashSet<string>> tokensOf)
    {
        private readonly Dictionary<long, List<(int Order, StoryCandidate Candidate)>> _byKey = [];
        private int _count;

        public void Add(StoryCandidate candidate, List<long>? keys = null)
        {
            var order = _count++;
            foreach (var key in (keys ?? KeysOf(candidate, tokensOf(candidate))).Distinct())
            {
                if (!_byKey.TryGetValue(key, out var list))
                {
                    _byKey[key] = list = [];
                }

                list.Add((order, candidate));
            }
        }

        // The candidates sharing a key, in the order they were added, each once.
        public IEnumerable<StoryCandidate> Sharing(List<long> keys) =>
            keys.SelectMany(k => _byKey.TryGetValue(k, out var list) ? list : [])
                .DistinctBy(x => x.Order)
                .OrderBy(x => x.Order)
                .Select(x => x.Candidate);
    }
}
