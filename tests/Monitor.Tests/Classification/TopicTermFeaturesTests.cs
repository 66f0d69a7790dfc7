using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The statistical layer's topic evidence: each matched taxonomy term is a feature of its own topic, so the heads
/// learn which terms decide a topic and which only speak of it; sums of money are one feature; and topic thresholds are
/// cut on the items labelled by LABELS.md throughout, not on broad archive tags.</summary>
public sealed class TopicTermFeaturesTests
{
    private static readonly int Investment = CompiledRules.IndexOfTopic(Topics.Investment);

    [Theory]
    [InlineData("Government announces AI grants", "The ministry will invest in artificial intelligence research.")]
    [InlineData("政府、AI研究に投資", "人工知能の研究開発を支援する。")]
    [InlineData("Le gouvernement investit dans l'IA", "Un appel à projets pour l'intelligence artificielle.")]
    public void EachMatchedTermIsAFeatureOfItsTopic(string title, string text)
    {
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));
        var names = new Dictionary<ulong, string>();

        var features = FeatureExtractor.Extract(normalized, evidence, names);

        Assert.NotEmpty(evidence.TopicTerms[Investment]);
        foreach (var term in evidence.TopicTerms[Investment])
        {
            var hash = FeatureExtractor.Hash($"t:{Topics.Investment}|{term}");
            Assert.True(features.ContainsKey(hash), term);
            Assert.Equal($"t:{Topics.Investment}|{term}", names[hash]);
        }
    }

    [Fact]
    public void ASumOfMoneyIsOneFeatureAndStillAReason()
    {
        var input = new ClassificationInput("Government commits $500 million to a national AI programme",
            "The artificial intelligence programme funds compute and research grants.");
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(input);
        var names = new Dictionary<ulong, string>();

        var features = FeatureExtractor.Extract(normalized, evidence, names);

        Assert.Contains("$500 million", evidence.Amounts);
        Assert.DoesNotContain("$500 million", evidence.TopicTerms[Investment]);
        Assert.Equal(1, features[FeatureExtractor.Hash("r:amount")]);
        Assert.DoesNotContain(names.Values, n => n.StartsWith("t:", StringComparison.Ordinal) && n.Contains("500", StringComparison.Ordinal));
        Assert.Contains("$500 million", evidence.ShownTerms(Investment));
        var result = ShippedClassifier.Instance.Classify(input);
        Assert.Contains(Topics.Investment, result.Topics);
        Assert.Contains(result.Reasons, r => r.StartsWith("topic:investment \"", StringComparison.Ordinal));
    }

    [Fact]
    public void TermFeaturesTrainTopicHeadsOnly()
    {
        // A term that marks every relevant item and every "model" item: the model head may learn it, relevance may not.
        var term = FeatureExtractor.Hash("t:model|alpha");
        var word = FeatureExtractor.Hash("w:beta");
        var names = new Dictionary<ulong, string> { [term] = "t:model|alpha", [word] = "w:beta" };
        var examples = Enumerable.Range(0, 20).Select(i => new LogisticTrainer.Example(
            i % 2 == 0 ? new Dictionary<ulong, double> { [term] = 0.5 } : new Dictionary<ulong, double> { [word] = 0.5 },
            [i % 2 == 0, i % 2 == 0 ? true : null],
            $"doc{i}")).ToList();
        examples.AddRange(Enumerable.Range(0, 10).Select(i => new LogisticTrainer.Example(
            new Dictionary<ulong, double> { [word] = 0.5 }, [true, false], $"other{i}")));

        var model = LogisticTrainer.Train(examples, [StatisticalModel.RelevanceHead, Topics.Model], names, "test", tuneThresholds: false);
        var (withTerm, _) = model.Predict(new Dictionary<ulong, double> { [term] = 0.5 });
        var (without, _) = model.Predict([]);

        Assert.Equal(without[model.IndexOf(StatisticalModel.RelevanceHead)], withTerm[model.IndexOf(StatisticalModel.RelevanceHead)]);
        Assert.True(withTerm[model.IndexOf(Topics.Model)] > without[model.IndexOf(Topics.Model)] + 0.1);
    }

    [Fact]
    public void ThresholdsAreCutOnItemsLabelledThroughoutWhenThereAreEnough()
    {
        var full = Enumerable.Range(0, 12).Select(i => (P: i / 12.0, Label: i >= 6, Broad: false)).ToList();
        var broad = Enumerable.Range(0, 20).Select(i => (P: 0.3, Label: true, Broad: true)).ToList();

        var targeted = ThresholdTuner.Targeted([.. full, .. broad]);

        Assert.Equal(full.Select(s => (s.P, s.Label)), targeted);
    }

    [Fact]
    public void ThresholdsFallBackToBroadTagsWhenTooFewItemsAreLabelledThroughout()
    {
        var full = Enumerable.Range(0, 8).Select(i => (P: i / 8.0, Label: i >= 6, Broad: false)).ToList();
        var broad = Enumerable.Range(0, 20).Select(i => (P: 0.3, Label: true, Broad: true)).ToList();

        var targeted = ThresholdTuner.Targeted([.. full, .. broad]);

        Assert.Equal(28, targeted.Count);
    }
}
