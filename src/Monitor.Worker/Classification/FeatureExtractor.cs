namespace Monitor.Worker.Classification;

/// <summary>Turns a normalised announcement and its rule evidence into the sparse features of the statistical layer:
/// words (<c>w:</c>) for alphabetic scripts, English ones reduced to their stem by <see cref="EnglishStemmer"/>,
/// character bigrams (<c>c:</c>) for CJK, Thai and Hangul, and the rule scores (<c>r:</c>), which carry what the
/// multilingual taxonomy knows into languages the training data lacks.</summary>
/// <remarks>Features are keyed by a 64-bit FNV-1a hash of their name, computed over the text span without allocating;
/// names are only materialised when training asks for them (the model file stores names, for explanations).</remarks>
internal static class FeatureExtractor
{
    private const int MaxChars = 6000;
    private const int MaxStemmed = 40;
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    /// <summary>The rule feature saying the text holds a sum of money.</summary>
    public const string AmountFeature = "r:amount";

    /// <summary>The rule feature saying the item names public actors (countries, ministries, agencies, parliaments).</summary>
    public const string PublicActorFeature = "r:public";

    // A matched term weighs half a rule feature: words are cosine-normalised (about 0.1 each), rule scores reach 1.
    private const double TermValue = 0.5;

    /// <summary>Feature hash → value; words are cosine-normalised so long texts do not outvote short ones.
    /// When <paramref name="names"/> is given, each feature's name is recorded in it.</summary>
    public static Dictionary<ulong, double> Extract(NormalizedText text, RuleEvidence evidence, Dictionary<ulong, string>? names = null) =>
        Extract(text, evidence, names, new Dictionary<ulong, double>(256));

    /// <summary><see cref="Extract(NormalizedText, RuleEvidence, Dictionary{ulong, string}?)"/> into this thread's own
    /// dictionary, emptied first and valid until the thread's next call: for classifying, where the features are read
    /// once and dropped (training keeps each item's, and uses the other overload).</summary>
    public static Dictionary<ulong, double> ExtractTransient(NormalizedText text, RuleEvidence evidence)
    {
        var features = t_features ??= new Dictionary<ulong, double>(512);
        features.Clear();
        return Extract(text, evidence, null, features);
    }

    [ThreadStatic]
    private static Dictionary<ulong, double>? t_features;

    private static Dictionary<ulong, double> Extract(NormalizedText text, RuleEvidence evidence, Dictionary<ulong, string>? names, Dictionary<ulong, double> features)
    {
        var s = text.Folded;
        var limit = Math.Min(s.Length, MaxChars);
        var i = 0;
        Span<char> stem = stackalloc char[MaxStemmed];
        while (i < limit)
        {
            var ch = s[i];
            if (!Scripts.IsWord(ch))
            {
                i++;
                continue;
            }

            var start = i;
            var cjk = Scripts.IsCjk(ch);
            while (i < limit && Scripts.IsWord(s[i]) && Scripts.IsCjk(s[i]) == cjk)
            {
                i++;
            }

            if (cjk)
            {
                for (var k = start; k + 1 < i; k++)
                {
                    Add(features, names, 'c', s.AsSpan(k, 2));
                }
            }
            else if (i - start >= 2 && !IsDigits(s, start, i))
            {
                // Legal summaries say "establishes", "established", "establishing" for one idea: with ~300 labelled
                // items, one weight shared across inflections learns more than three half-seen words.
                var word = s.AsSpan(start, i - start);
                Add(features, names, 'w', word.Length <= MaxStemmed ? stem[..EnglishStemmer.Stem(word, stem)] : word);
            }
        }

        if (features.Count > 0)
        {
            var value = 1 / Math.Sqrt(features.Count);
            foreach (var key in features.Keys)
            {
                features[key] = value;
            }
        }

        Rule(features, names, "ctx", 1 - Math.Exp(-evidence.Context / 2));
        Rule(features, names, "noctx", evidence.Context == 0 && evidence.Models.Count == 0 ? 1 : 0);
        Rule(features, names, "model", evidence.Models.Count > 0 ? 1 : 0);
        // One weak off-topic word ("batería", "camera") must not sink a policy item: the learned weight on this feature is
        // large, so it only starts above 0.5: a single weak word adds nothing, a strong term or two weak ones do.
        Rule(features, names, "offtopic", 1 - Math.Exp(-Math.Max(0, evidence.OffTopic - 0.5)));
        Rule(features, names, AmountFeature[2..], evidence.Amounts.Count > 0 ? 1 : 0);
        // Whether the item speaks of states: a country by its name, a ministry, an agency, a parliament, a public-sector
        // word (government, 政府, وزارة), read in every language from the gazetteer and the taxonomy. AI news about films,
        // songs, phones and markets rarely names one; policy news mostly does. Only the relevance head learns it (5-fold
        // CV with batches 15 and 16 merged: multilingual relevance F1 0.970 -> 0.975, dev 0.968 -> 0.969): trained into
        // the off-topic head as well, it made that head a detector of its absence, which sank short policy items naming
        // no ministry. Companies and places other than names (demonyms, capitals) were tried too and pushed the dev
        // set's model cards, which name a lab and no country, below the line.
        Rule(features, names, PublicActorFeature[2..], 1 - Math.Exp(-evidence.PublicActors / 2));
        for (var t = 0; t < Topics.All.Count; t++)
        {
            Rule(features, names, Topics.All[t], 1 - Math.Exp(-evidence.TopicScores[t] / 1.5));
            // Each matched taxonomy term is a feature of its own, in every language: the heads learn which terms decide
            // a topic ("$500m", "grant") and which only speak of it ("投資" as a policy aim, "invest*" in "investment in").
            foreach (var term in evidence.TopicTerms[t])
            {
                Term(features, names, t, term);
            }
        }

        return features;
    }

    /// <summary>The hash of a feature name such as <c>w:bill</c>, as used in <see cref="Extract"/>.</summary>
    public static ulong Hash(string name) => Hash(name[0], name.AsSpan(2));

    private static ulong Hash(char kind, ReadOnlySpan<char> body)
    {
        var h = (Offset ^ kind) * Prime;
        h = (h ^ ':') * Prime;
        foreach (var c in body)
        {
            h = (h ^ c) * Prime;
        }

        return h;
    }

    private static void Add(Dictionary<ulong, double> features, Dictionary<ulong, string>? names, char kind, ReadOnlySpan<char> body)
    {
        var h = Hash(kind, body);
        features[h] = 1;
        if (names is not null && !names.ContainsKey(h))
        {
            names[h] = string.Concat(kind.ToString(), ":", body);
        }
    }

    private static void Rule(Dictionary<ulong, double> features, Dictionary<ulong, string>? names, string name, double value)
    {
        var h = Hash('r', name);
        features[h] = value;
        if (names is not null)
        {
            names[h] = "r:" + name;
        }
    }

    private static void Term(Dictionary<ulong, double> features, Dictionary<ulong, string>? names, int topic, string term)
    {
        var h = Hash('t', Topics.All[topic].AsSpan());
        h = (h ^ '|') * Prime;
        foreach (var c in term)
        {
            h = (h ^ c) * Prime;
        }

        features[h] = TermValue;
        if (names is not null && !names.ContainsKey(h))
        {
            names[h] = $"t:{Topics.All[topic]}|{term}";
        }
    }

    private static bool IsDigits(string s, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (!char.IsDigit(s[k]))
            {
                return false;
            }
        }

        return true;
    }
}
