using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>The learned off-topic signal: trained on items that speak of AI, it pushes look-alikes (gadgets "with AI",
/// earnings) below the digest threshold by their wording and says so in <c>learned:off-topic</c> reasons.</summary>
public sealed class OffTopicHeadTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "TestData", "classification", "offtopic-sample.jsonl");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory();

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public async Task TrainsAnOffTopicHeadOnItemsThatSpeakOfAi()
    {
        var classifier = await TrainAsync();

        Assert.Contains(StatisticalModel.OffTopicHead, classifier.Taxonomy.Statistical!.Heads);
    }

    [Theory]
    [InlineData("Review: the new smartphone's AI camera", "We tested the artificial intelligence photo mode, the screen and the battery of the phone, which costs $899.")]
    [InlineData("Notre test du nouveau téléphone et de son IA", "L'appareil photo, l'écran et l'intelligence artificielle du smartphone, vendu 999 euros.")]
    [InlineData("The smartwatch with an AI coach, reviewed", "The artificial intelligence coach and the battery of the watch impressed us.")]
    public async Task LowersALookAlikeBelowTheThresholdWithAReadableReason(string title, string text)
    {
        var classifier = await TrainAsync();
        var withoutHead = new AnnouncementClassifier(classifier.Taxonomy.WithStatistical(classifier.Taxonomy.Statistical!.Without(StatisticalModel.OffTopicHead)));

        var result = classifier.Classify(new ClassificationInput(title, text));
        var before = withoutHead.Classify(new ClassificationInput(title, text));

        Assert.False(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.True(result.Score < before.Score - 0.1, $"{result.Score} vs {before.Score} without the head");
        Assert.Contains(result.Reasons, r => r.StartsWith("learned:off-topic \"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeavesAPolicyItemAlone()
    {
        var classifier = await TrainAsync();
        var withoutHead = new AnnouncementClassifier(classifier.Taxonomy.WithStatistical(classifier.Taxonomy.Statistical!.Without(StatisticalModel.OffTopicHead)));
        var input = new ClassificationInput("Government adopts artificial intelligence law",
            "The AI law sets obligations for public services and a national strategy for research.");

        var result = classifier.Classify(input);

        Assert.True(result.Relevant, $"score {result.Score}: {string.Join("; ", result.Reasons)}");
        Assert.Equal(withoutHead.Classify(input).Score, result.Score);
        Assert.DoesNotContain(result.Reasons, r => r.StartsWith("learned:off-topic", StringComparison.Ordinal));
    }

    [Fact]
    public void AModelWithoutTheHeadStillLoads()
    {
        // Models written before the head existed carry only relevance and topics.
        var path = Path.Combine(_dir.FullName, "old.json");
        File.WriteAllText(path, """{"version":1,"description":"old","heads":["relevant"],"bias":[0.1],"thresholds":[-1],"weights":{"w:strategi":[1.5]}}""");

        var (model, error) = StatisticalModel.TryLoad(path);

        Assert.Null(error);
        Assert.Equal(-1, model!.IndexOf(StatisticalModel.OffTopicHead));
    }

    [Fact]
    public void BroadArchiveTagsTeachTopicHeadsWithLessWeight()
    {
        // Ten items labelled by the guide say "model"; ten identical ones carrying a broad archive tag say the opposite.
        var names = new Dictionary<ulong, string> { [FeatureExtractor.Hash("w:alpha")] = "w:alpha" };
        var examples = Enumerable.Range(0, 20).Select(i => new LogisticTrainer.Example(
            new Dictionary<ulong, double> { [FeatureExtractor.Hash("w:alpha")] = 1 },
            [true, i < 10],
            $"doc{i}",
            TopicWeight: i < 10 ? 1 : 0.5)).ToList();

        var model = LogisticTrainer.Train(examples, [StatisticalModel.RelevanceHead, Topics.Model], names, "test", tuneThresholds: false);
        var (p, _) = model.Predict(new Dictionary<ulong, double> { [FeatureExtractor.Hash("w:alpha")] = 1 });

        Assert.True(p[model.IndexOf(Topics.Model)] > 0.6, $"p = {p[model.IndexOf(Topics.Model)]}");
    }

    private async Task<AnnouncementClassifier> TrainAsync()
    {
        var modelPath = Path.Combine(_dir.FullName, "model.json");
        var exit = await ClassifierTraining.TrainAsync([Sample], [], ShippedClassifier.TaxonomyPath, modelPath, new StringWriter(), new StringWriter(), CancellationToken.None);
        Assert.Equal(0, exit);
        var (model, error) = StatisticalModel.TryLoad(modelPath);
        Assert.Null(error);
        var (rules, _) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath, loadStatisticalModel: false);
        return new AnnouncementClassifier(rules!.WithStatistical(model));
    }
}
