namespace Monitor.Worker.Classification;

/// <summary>Trains the heads of a <see cref="StatisticalModel"/>: L2-regularised logistic regression by stochastic
/// gradient descent with class-balanced weights, each head only on the items whose labels judge it.</summary>
internal static class LogisticTrainer
{
    private const int Epochs = 40;
    private const double Rate = 0.3;
    private const double L2 = 1e-4;
    private const int MinPerClass = 5;

    /// <summary>One training example: its features; per head, the label (null: not judged, skipped); the document it
    /// belongs to (cross-validation keeps a document in one fold); and whether it only trains and is never scored, such
    /// as a longer summary of an item that is scored (threshold tuning ignores those); and how much its topic labels
    /// count (1, or less for broad archive tags).</summary>
    public sealed record Example(Dictionary<ulong, double> Features, bool?[] Labels, string FoldKey = "", bool TrainOnly = false, double TopicWeight = 1);

    /// <summary>Trains every head that has at least five examples of each class; others are left out of the model.</summary>
    public static StatisticalModel Train(IReadOnlyList<Example> examples, IReadOnlyList<string> heads, IReadOnlyDictionary<ulong, string> names,
        string description, bool tuneThresholds = true)
    {
        // Vocabulary: features seen in at least two items (one-off words only memorise) and in at most 40% of them
        // (function words carry language, not topic); rule features always.
        var maxDf = Math.Max(2, (int)(0.4 * examples.Count));
        var df = new Dictionary<ulong, int>();
        foreach (var e in examples)
        {
            foreach (var f in e.Features.Keys)
            {
                df[f] = df.GetValueOrDefault(f) + 1;
            }
        }

        var vocab = df.Where(kv => kv.Value >= 2 && kv.Value <= maxDf || names[kv.Key].StartsWith("r:", StringComparison.Ordinal))
            .Select(kv => kv.Key).OrderBy(k => names[k], StringComparer.Ordinal).ToList();
        var index = vocab.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var rows = examples.Select(e => e.Features.Where(kv => index.ContainsKey(kv.Key))
            .Select(kv => (Index: index[kv.Key], kv.Value)).ToArray()).ToArray();
        // Matched taxonomy terms (t:) and the presence of a sum of money tell topics apart; relevance and off-topic keep
        // to words and rule scores, so a term's weight learned from a few items does not move what reaches a digest, and
        // the off-topic head keeps reading a gadget's price from its words (5-fold CV: relevance unchanged).
        var isTopicOnly = vocab.Select(f => IsTopicOnly(names[f])).ToArray();
        // Whether an item names public actors tells policy news from AI look-alikes, not one topic from another, and in
        // the off-topic head its absence outweighed the words (see FeatureExtractor): only the relevance head learns it.
        var isRelevanceOnly = vocab.Select(f => IsRelevanceOnly(names[f])).ToArray();
        (int Index, double Value)[][] Without(Func<int, bool> leftOut) => rows.Select(r => r.Where(x => !leftOut(x.Index)).ToArray()).ToArray();
        var topicRows = Without(f => isRelevanceOnly[f]);
        var relevanceRows = Without(f => isTopicOnly[f]);
        var offTopicRows = Without(f => isTopicOnly[f] || isRelevanceOnly[f]);

        var keptHeads = new List<string>();
        var biases = new List<double>();
        var columns = new List<double[]>();
        for (var h = 0; h < heads.Count; h++)
        {
            var items = Enumerable.Range(0, examples.Count).Where(i => examples[i].Labels[h].HasValue).ToArray();
            var positives = items.Count(i => examples[i].Labels[h]!.Value);
            if (positives < MinPerClass || items.Length - positives < MinPerClass)
            {
                continue;
            }

            var topicHead = Topics.IsKnown(heads[h]);
            var headRows = topicHead ? topicRows : heads[h] == StatisticalModel.RelevanceHead ? relevanceRows : offTopicRows;
            var (bias, w) = TrainHead(headRows, items, i => examples[i].Labels[h]!.Value, i => topicHead ? examples[i].TopicWeight : 1, positives, vocab.Count);
            keptHeads.Add(heads[h]);
            biases.Add(bias);
            columns.Add(w);
        }

        var weights = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (var f = 0; f < vocab.Count; f++)
        {
            var w = columns.Select(c => (float)c[f]).ToArray();
            if (w.Any(x => Math.Abs(x) >= 1e-3f))
            {
                weights[names[vocab[f]]] = w;
            }
        }

        var model = new StatisticalModel(keptHeads, [.. biases], weights, description, null);
        return tuneThresholds ? model.WithThresholds(ThresholdTuner.Tune(examples, heads, names, model)) : model;
    }

    /// <summary>Whether <paramref name="feature"/> only trains the relevance head (see <see cref="FeatureExtractor"/>).</summary>
    internal static bool IsRelevanceOnly(string feature) => feature == FeatureExtractor.PublicActorFeature;

    /// <summary>Whether <paramref name="feature"/> only trains topic heads (see <see cref="FeatureExtractor"/>).</summary>
    internal static bool IsTopicOnly(string feature) =>
        feature.StartsWith("t:", StringComparison.Ordinal) || feature == FeatureExtractor.AmountFeature;

    private static (double Bias, double[] Weights) TrainHead((int Index, double Value)[][] rows, int[] items,
        Func<int, bool> label, Func<int, double> weight, int positives, int features)
    {
        var w = new double[features];
        var bias = 0.0;
        var negatives = items.Length - positives;
        var posWeight = Math.Min(5.0, items.Length / (2.0 * positives));
        var negWeight = Math.Min(5.0, items.Length / (2.0 * negatives));
        var order = (int[])items.Clone();
        var rng = new Random(17);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            rng.Shuffle(order);
            var rate = Rate / (1 + 0.1 * epoch);
            foreach (var i in order)
            {
                var z = bias;
                foreach (var (f, v) in rows[i])
                {
                    z += w[f] * v;
                }

                var y = label(i) ? 1.0 : 0.0;
                var g = ((1 / (1 + Math.Exp(-z))) - y) * (y > 0 ? posWeight : negWeight) * weight(i);
                bias -= rate * g;
                foreach (var (f, v) in rows[i])
                {
                    w[f] -= rate * ((g * v) + (L2 * w[f]));
                }
            }
        }

        return (bias, w);
    }
}
