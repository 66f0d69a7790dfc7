using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The relevance layer's reading of who an item speaks of: whether it names a public institution (a ministry,
/// an agency, a parliament), in any language the gazetteer knows, as one feature that sets policy news apart from AI
/// look-alikes (films, songs, phones, markets) and that the topic heads do not learn from.</summary>
public sealed class GovernmentFeatureTests
{
    private static readonly ulong Government = FeatureExtractor.Hash(FeatureExtractor.GovernmentFeature);

    [Theory]
    [InlineData("MeitY launches AI compute portal", "The ministry opened applications for GPU access under the national programme.")]
    [InlineData("Die Bundesregierung beschließt KI-Strategie", "Das Kabinett hat am Mittwoch die Strategie für künstliche Intelligenz beschlossen.")]
    [InlineData("وزارة الاتصالات تطلق برنامجا للذكاء الاصطناعي", "أعلنت الوزارة عن برنامج وطني جديد.")]
    [InlineData("政府、AI戦略を決定", "人工知能の開発を進める方針だ。")]
    public void AnItemNamingAnInstitutionCarriesTheFeature(string title, string text)
    {
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));

        var features = FeatureExtractor.Extract(normalized, evidence);

        Assert.True(evidence.Institutions > 0);
        Assert.True(features[Government] > 0);
    }

    [Theory]
    [InlineData("AI-made song tops the charts", "A track sung by an artificial intelligence voice reached number one on Spotify this week.")]
    [InlineData("Une publicité créée par IA fait polémique", "La marque a publié une publicité réalisée par l'intelligence artificielle.")]
    public void AnItemNamingNoInstitutionDoesNot(string title, string text)
    {
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));

        var features = FeatureExtractor.Extract(normalized, evidence);

        Assert.Equal(0, evidence.Institutions);
        Assert.Equal(0, features[Government]);
    }

    [Fact]
    public void ASharedNameCountsOnceHoweverManyCountriesItMayMean()
    {
        // "Bundesrat" is listed under Germany, Austria and Switzerland: one institution named.
        var (_, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(
            "KI-Plan", "Der Bundesrat hat einen Plan für künstliche Intelligenz veröffentlicht."));

        Assert.Equal(1, evidence.Institutions);
    }

    [Fact]
    public void TheFeatureTrainsRelevanceNotTopics()
    {
        // The feature marks every relevant item and every "strategy" item: relevance may learn it, the topic may not.
        var word = FeatureExtractor.Hash("w:beta");
        var names = new Dictionary<ulong, string> { [Government] = FeatureExtractor.GovernmentFeature, [word] = "w:beta" };
        var examples = Enumerable.Range(0, 20).Select(i => new LogisticTrainer.Example(
            i % 2 == 0 ? new Dictionary<ulong, double> { [Government] = 1 } : new Dictionary<ulong, double> { [word] = 0.5 },
            [i % 2 == 0, i % 2 == 0 ? true : null],
            $"doc{i}")).ToList();
        examples.AddRange(Enumerable.Range(0, 10).Select(i => new LogisticTrainer.Example(
            new Dictionary<ulong, double> { [word] = 0.5 }, [true, false], $"other{i}")));

        var model = LogisticTrainer.Train(examples, [StatisticalModel.RelevanceHead, Topics.Strategy], names, "test", tuneThresholds: false);
        var (with, _) = model.Predict(new Dictionary<ulong, double> { [Government] = 1 });
        var (without, _) = model.Predict([]);

        Assert.True(with[model.IndexOf(StatisticalModel.RelevanceHead)] > without[model.IndexOf(StatisticalModel.RelevanceHead)] + 0.1);
        Assert.Equal(without[model.IndexOf(Topics.Strategy)], with[model.IndexOf(Topics.Strategy)]);
    }
}
