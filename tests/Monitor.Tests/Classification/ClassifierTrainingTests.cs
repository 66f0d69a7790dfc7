using System.Text.Json;
using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary>Training writes a model that loads back and explains itself; cross-validation predicts every item once.</summary>
public sealed class ClassifierTrainingTests : IDisposable
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "TestData", "classification", "train-sample.jsonl");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory();

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public async Task TrainsAModelThatLoadsAndAddsLearnedReasons()
    {
        var modelPath = Path.Combine(_dir.FullName, "model.json");

        var exit = await ClassifierTraining.TrainAsync([Sample], ShippedClassifier.TaxonomyPath, modelPath, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var (model, error) = StatisticalModel.TryLoad(modelPath);
        Assert.Null(error);
        Assert.Equal([StatisticalModel.RelevanceHead], model!.Heads);
        var (rules, _) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath, loadStatisticalModel: false);
        var classifier = new AnnouncementClassifier(rules!.WithStatistical(model));
        var relevant = classifier.Classify(new ClassificationInput("Government publishes AI strategy", "The artificial intelligence roadmap funds research."));
        var storm = classifier.Classify(new ClassificationInput("Storm brings rain", "Residents stayed indoors."));
        Assert.Contains(relevant.Reasons, r => r.StartsWith("learned:relevant", StringComparison.Ordinal));
        Assert.True(relevant.Score > storm.Score);
    }

    [Fact]
    public async Task CrossValidationPredictsEachItemOnce()
    {
        var predictions = Path.Combine(_dir.FullName, "cv.jsonl");

        var exit = await ClassifierTraining.CrossValidateAsync([Sample], ShippedClassifier.TaxonomyPath, 2, predictions, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var ids = (await File.ReadAllLinesAsync(predictions)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        var expected = (await File.ReadAllLinesAsync(Sample)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(expected, ids);
    }
}
