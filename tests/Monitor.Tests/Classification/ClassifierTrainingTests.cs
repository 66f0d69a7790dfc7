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

        var exit = await ClassifierTraining.TrainAsync([Sample], [], ShippedClassifier.TaxonomyPath, modelPath, new StringWriter(), new StringWriter(), CancellationToken.None);

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

        var exit = await ClassifierTraining.CrossValidateAsync([Sample], [], ShippedClassifier.TaxonomyPath, 2, predictions, new StringWriter(), new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        var ids = (await File.ReadAllLinesAsync(predictions)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        var expected = (await File.ReadAllLinesAsync(Sample)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task TrainingOnlyItemsTrainButAreNeverScored()
    {
        // Longer versions of four sample items, kept in their items' groups by a shared address.
        var sample = (await File.ReadAllLinesAsync(Sample)).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var grouped = Path.Combine(_dir.FullName, "grouped.jsonl");
        var extra = Path.Combine(_dir.FullName, "extra.jsonl");
        await File.WriteAllLinesAsync(grouped, sample.Select((e, i) => WithField(e, "url", $"https://example.org/doc/{i}")));
        await File.WriteAllLinesAsync(extra, sample.Take(4).Select((e, i) =>
            WithField(JsonDocument.Parse(WithField(e, "id", e.GetProperty("id").GetString() + "#long")).RootElement, "url", $"https://example.org/doc/{i}")));
        var predictions = Path.Combine(_dir.FullName, "cv.jsonl");
        var output = new StringWriter();

        var folds = new Dictionary<string, int>();

        var exit = await ClassifierTraining.CrossValidateAsync([grouped], [extra], ShippedClassifier.TaxonomyPath, 3, predictions, output,
            new StringWriter(), (id, fold) => folds.Add(id, fold), CancellationToken.None);

        Assert.Equal(0, exit);
        var ids = (await File.ReadAllLinesAsync(predictions)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(sample.Select(e => e.GetProperty("id").GetString()), ids);
        Assert.Contains("over 16 items (+4 training-only)", output.ToString(), StringComparison.Ordinal);
        // Each longer version sits in its item's fold (same address), so it never trains the model that scores the item.
        Assert.All(folds.Keys.Where(k => k.EndsWith("#long", StringComparison.Ordinal)), k => Assert.Equal(folds[k[..^5]], folds[k]));
        Assert.True(folds.Values.Distinct().Count() > 1);

        var modelPath = Path.Combine(_dir.FullName, "model.json");
        Assert.Equal(0, await ClassifierTraining.TrainAsync([grouped], [extra], ShippedClassifier.TaxonomyPath, modelPath, new StringWriter(), new StringWriter(), CancellationToken.None));
        Assert.Contains("(20 items)", StatisticalModel.TryLoad(modelPath).Model!.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a1","title":"t","group":"act-7","url":"https://example.org/act"}""", "act-7")]
    [InlineData("""{"id":"a1","title":"t","url":" https://example.org/act "}""", "https://example.org/act")]
    [InlineData("""{"id":"a1","title":"t","url":""}""", "a1")]
    [InlineData("""{"id":"a1","title":"t"}""", "a1")]
    public void CrossValidationKeepsADocumentTogether(string line, string foldKey)
    {
        // Sections of one act share the act's address; a "group" field overrides it.
        Assert.Equal(foldKey, ClassificationRecord.Parse(line).FoldKey);
    }

    private static string WithField(JsonElement element, string name, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(element.GetRawText())!.AsObject();
        node[name] = value;
        return node.ToJsonString();
    }
}
