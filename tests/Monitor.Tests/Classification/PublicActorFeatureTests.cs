using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The relevance layer's reading of who an item speaks of: whether it names public actors (a country by its name,
/// a ministry, an agency, a parliament), in any language the gazetteer and the taxonomy know, as one feature that sets
/// policy news apart from AI look-alikes (films, songs, phones, markets) and that only the relevance head learns from.</summary>
public sealed class PublicActorFeatureTests
{
    private static readonly ulong PublicActor = FeatureExtractor.Hash(FeatureExtractor.PublicActorFeature);

    [Theory]
    [InlineData("MeitY launches AI compute portal", "The ministry opened applications for GPU access under the national programme.")]
    [InlineData("Die Bundesregierung beschließt KI-Strategie", "Das Kabinett hat am Mittwoch die Strategie für künstliche Intelligenz beschlossen.")]
    [InlineData("وزارة الاتصالات تطلق برنامجا للذكاء الاصطناعي", "أعلنت الوزارة عن برنامج وطني جديد.")]
    [InlineData("政府、AI戦略を決定", "人工知能の開発を進める方針だ。")]
    [InlineData("米国とナイジェリア、AIで協力", "デジタル経済や人工知能を含む新技術について協議する。")]
    public void AnItemNamingAPublicActorCarriesTheFeature(string title, string text)
    {
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));

        var features = FeatureExtractor.Extract(normalized, evidence);

        Assert.True(evidence.PublicActors > 0);
        Assert.True(features[PublicActor] > 0);
    }

    [Theory]
    [InlineData("AI-made song tops the charts", "A track sung by an artificial intelligence voice reached number one on Spotify this week.")]
    [InlineData("Une publicité créée par IA fait polémique", "La marque a publié une publicité réalisée par l'intelligence artificielle.")]
    public void AnItemNamingNoPublicActorDoesNot(string title, string text)
    {
        var (normalized, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(title, text));

        var features = FeatureExtractor.Extract(normalized, evidence);

        Assert.Equal(0, evidence.PublicActors);
        Assert.Equal(0, features[PublicActor]);
    }

    [Fact]
    public void ASharedNameCountsOnceHoweverManyCountriesItMayMean()
    {
        // "Bundesrat" is listed under Germany, Austria and Switzerland: one public actor named.
        var (_, evidence) = ShippedClassifier.Instance.Analyze(new ClassificationInput(
            "KI-Plan", "Der Bundesrat hat einen Plan für künstliche Intelligenz veröffentlicht."));

        Assert.Equal(1, evidence.PublicActors);
    }

    [Fact]
    public void TheFeatureTrainsRelevanceOnly()
    {
        // The feature marks every relevant item, every "strategy" item and every item the off-topic head calls on topic:
        // relevance may learn it; the topic and the off-topic head may not.
        var word = FeatureExtractor.Hash("w:beta");
        var names = new Dictionary<ulong, string> { [PublicActor] = FeatureExtractor.PublicActorFeature, [word] = "w:beta" };
        var examples = Enumerable.Range(0, 20).Select(i => new LogisticTrainer.Example(
            i % 2 == 0 ? new Dictionary<ulong, double> { [PublicActor] = 1 } : new Dictionary<ulong, double> { [word] = 0.5 },
            [i % 2 == 0, i % 2 == 0 ? true : null, i % 2 != 0],
            $"doc{i}")).ToList();
        examples.AddRange(Enumerable.Range(0, 10).Select(i => new LogisticTrainer.Example(
            new Dictionary<ulong, double> { [word] = 0.5 }, [true, false, false], $"other{i}")));

        var model = LogisticTrainer.Train(examples, [StatisticalModel.RelevanceHead, Topics.Strategy, StatisticalModel.OffTopicHead],
            names, "test", tuneThresholds: false);
        var (with, _) = model.Predict(new Dictionary<ulong, double> { [PublicActor] = 1 });
        var (without, _) = model.Predict([]);

        Assert.True(with[model.IndexOf(StatisticalModel.RelevanceHead)] > without[model.IndexOf(StatisticalModel.RelevanceHead)] + 0.1);
        Assert.Equal(without[model.IndexOf(Topics.Strategy)], with[model.IndexOf(Topics.Strategy)]);
        Assert.Equal(without[model.IndexOf(StatisticalModel.OffTopicHead)], with[model.IndexOf(StatisticalModel.OffTopicHead)]);
    }
}
