namespace Monitor.Worker.Classification;

/// <summary>Turns a normalised announcement and its rule evidence into the sparse features of the statistical layer:
/// words (<c>w:</c>) for alphabetic scripts, character bigrams (<c>c:</c>) for CJK and Hangul, and the rule scores
/// (<c>r:</c>), which carry what the multilingual taxonomy knows into languages the training data lacks.</summary>
internal static class FeatureExtractor
{
    private const int MaxChars = 6000;

    /// <summary>Feature name → value; words are cosine-normalised so long texts do not outvote short ones.</summary>
    public static Dictionary<string, double> Extract(NormalizedText text, RuleEvidence evidence)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var s = text.Folded;
        var limit = Math.Min(s.Length, MaxChars);
        var i = 0;
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
                    tokens.Add(string.Concat("c:", s.AsSpan(k, 2)));
                }
            }
            else if (i - start >= 2 && !IsDigits(s, start, i))
            {
                tokens.Add(string.Concat("w:", s.AsSpan(start, i - start)));
            }
        }

        var features = new Dictionary<string, double>(tokens.Count + 12, StringComparer.Ordinal);
        var value = tokens.Count == 0 ? 0 : 1 / Math.Sqrt(tokens.Count);
        foreach (var t in tokens)
        {
            features[t] = value;
        }

        features["r:ctx"] = 1 - Math.Exp(-evidence.Context / 2);
        features["r:noctx"] = evidence.Context == 0 && evidence.Models.Count == 0 ? 1 : 0;
        features["r:model"] = evidence.Models.Count > 0 ? 1 : 0;
        for (var t = 0; t < Topics.All.Count; t++)
        {
            features["r:" + Topics.All[t]] = 1 - Math.Exp(-evidence.TopicScores[t] / 1.5);
        }

        return features;
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
