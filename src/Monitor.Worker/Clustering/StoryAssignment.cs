namespace Monitor.Worker.Clustering;

/// <summary>
/// Files a batch of new announcements under stories. Each report belongs with every earlier report it matches, stored
/// or earlier in the batch: reports joined that way form one story, which keeps the oldest stored story among them (the
/// others are merged into it), or is a new story when none was stored. Each report is compared only with the reports
/// that share one of its index keys (the others cannot match, see <see cref="StoryKeys"/>), so a batch costs in
/// proportion to its candidates. Pure.
/// </summary>
public static class StoryAssignment
{
    /// <summary>The plan for <paramref name="batch"/> (in order) against the stored <paramref name="recent"/>.</summary>
    public static StoryPlan Plan(IReadOnlyList<StoryCandidate> batch, IReadOnlyList<StoryCandidate> recent)
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
        var parent = Enumerable.Range(0, batch.Count).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var storedMatches = new List<StoryCandidate>[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var keys = KeysOf(batch[i], TokensOf(batch[i]));
            storedMatches[i] = AllMatches(batch[i], stored.Sharing(keys), TokensOf);
            foreach (var mate in AllMatches(batch[i], earlier.Sharing(keys), TokensOf))
            {
                parent[Find(i)] = Find((int)(-mate.AnnouncementId) - 1);
            }

            var self = batch[i] with { AnnouncementId = -(i + 1) };
            tokens[self] = TokensOf(batch[i]);
            earlier.Add(self, keys);
        }

        var groups = new int[batch.Count];
        var byGroup = new Dictionary<int, List<StoryCandidate>>();
        for (var i = 0; i < batch.Count; i++)
        {
            groups[i] = Find(i);
            if (!byGroup.TryGetValue(groups[i], out var list))
            {
                byGroup[groups[i]] = list = [];
            }

            list.AddRange(storedMatches[i]);
        }

        return new StoryPlan(groups, byGroup.ToDictionary(g => g.Key, g => (IReadOnlyList<StoryCandidate>)g.Value.DistinctBy(c => c.AnnouncementId).ToList()));
    }

    /// <summary>The index keys of <paramref name="candidate"/>: its four bands (tagged by position), title keys and anchor keys.</summary>
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
        keys.AddRange(StoryKeys.AnchorKeys(candidate.Anchors));
        return keys;
    }

    private static List<StoryCandidate> AllMatches(StoryCandidate candidate, IEnumerable<StoryCandidate> others, Func<StoryCandidate, HashSet<string>> tokensOf)
    {
        var matches = new List<StoryCandidate>();
        var rest = others.ToList();
        while (StoryMatcher.FindMatch(candidate, rest, tokensOf) is { } match)
        {
            matches.Add(match);
            rest.Remove(match);
        }

        return matches;
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
