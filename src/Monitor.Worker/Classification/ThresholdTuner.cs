namespace Monitor.Worker.Classification;

/// <summary>Chooses each topic's decision threshold by inner cross-validation (folds grouped by document) on the
/// training items: labels such as
/// AGORA's "investment" are used more loosely than a single global threshold assumes, and the best cut differs per topic.</summary>
internal static class ThresholdTuner
{
    private const int Folds = 3;
    private const double Lowest = 0.25;
    // Up to 0.8: with terms as features the defense head's best cut sat at the old ceiling of 0.65.
    private const double Highest = 0.8;
    private const double Step = 0.025;
    private const int MinPositives = 5;

    /// <summary>Per head of <paramref name="model"/>: the threshold for the combined (rules + model) topic probability,
    /// or -1 where none is tuned (the relevance and off-topic heads are not topics).</summary>
    public static double[] Tune(IReadOnlyList<LogisticTrainer.Example> examples, IReadOnlyList<string> heads,
        IReadOnlyDictionary<ulong, string> names, StatisticalModel model)
    {
        var scored = model.Heads.Select(_ => new List<(double P, bool Label, bool Broad)>()).ToArray();
        // Salted: the outer folds hash the same key, and with K a multiple of 3 an unsalted inner fold would come out empty.
        var fold = examples.Select((e, i) => e.FoldKey.Length == 0 ? i % Folds : ClassifierTraining.Fold("inner\n" + e.FoldKey, Folds)).ToArray();
        for (var k = 0; k < Folds; k++)
        {
            var train = examples.Where((_, i) => fold[i] != k).ToList();
            var inner = LogisticTrainer.Train(train, heads, names, "inner", tuneThresholds: false);
            for (var i = 0; i < examples.Count; i++)
            {
                // Training-only items (longer versions of scored ones) would tune the cut for a text length never classified.
                if (fold[i] != k || examples[i].TrainOnly)
                {
                    continue;
                }

                var (p, _) = inner.Predict(examples[i].Features);
                for (var h = 0; h < model.Heads.Count; h++)
                {
                    var labelIndex = IndexOf(heads, model.Heads[h]);
                    var innerIndex = inner.IndexOf(model.Heads[h]);
                    var label = examples[i].Labels[labelIndex];
                    if (label is null || innerIndex < 0 || !Topics.IsKnown(model.Heads[h]))
                    {
                        continue;
                    }

                    var rule = examples[i].Features.GetValueOrDefault(FeatureExtractor.Hash("r:" + model.Heads[h]));
                    scored[h].Add((AnnouncementClassifier.CombineTopic(rule, p[innerIndex]), label.Value, examples[i].TopicWeight < 1));
                }
            }
        }

        return scored.Select(s => BestThreshold(Targeted(s))).ToArray();
    }

    /// <summary>The items a threshold is cut for: those labelled by LABELS.md throughout, when at least five of them carry
    /// the topic. Broad archive tags (AGORA's "Government support" as investment) still teach the heads at half weight, but
    /// a cut fitted to them is one for another kind of label: it set investment's at 0.275, and on the multilingual set
    /// (5-fold CV) a quarter of the items it called investment were "investment in" talk, budgets named in passing or
    /// calls for projects (precision 0.74; 0.81 with the cut fitted to LABELS.md items).</summary>
    internal static List<(double P, bool Label)> Targeted(List<(double P, bool Label, bool Broad)> scored)
    {
        var full = scored.Where(s => !s.Broad).ToList();
        return (full.Count(s => s.Label) >= MinPositives ? full : scored).Select(s => (s.P, s.Label)).ToList();
    }

    private static double BestThreshold(List<(double P, bool Label)> scored)
    {
        if (scored.Count(s => s.Label) < MinPositives)
        {
            return -1;
        }

        var best = (F1: -1.0, Threshold: -1.0);
        for (var t = Lowest; t <= Highest + 1e-9; t += Step)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (var (p, label) in scored)
            {
                var predicted = p >= t;
                tp += predicted && label ? 1 : 0;
                fp += predicted && !label ? 1 : 0;
                fn += !predicted && label ? 1 : 0;
            }

            var f1 = tp == 0 ? 0 : 2.0 * tp / ((2.0 * tp) + fp + fn);
            if (f1 > best.F1 + 1e-9)
            {
                best = (f1, Math.Round(t, 3));
            }
        }

        return best.Threshold;
    }

    private static int IndexOf(IReadOnlyList<string> heads, string head)
    {
        for (var i = 0; i < heads.Count; i++)
        {
            if (heads[i] == head)
            {
                return i;
            }
        }

        return -1;
    }
}
