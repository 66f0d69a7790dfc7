using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

public sealed class ShippedTaxonomyTests
{
    [Fact]
    public void ShippedTaxonomyLoadsWithoutProblems()
    {
        var (taxonomy, problems) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath);

        Assert.Empty(problems);
        Assert.NotNull(taxonomy);
        Assert.Equal(Topics.All.OrderBy(t => t), taxonomy.Topics.Select(t => t.Id).OrderBy(t => t));
        Assert.NotNull(taxonomy.Statistical);
        Assert.Contains(StatisticalModel.RelevanceHead, taxonomy.Statistical.Heads);
        Assert.InRange(taxonomy.DigestThreshold, 0.01, 0.99);
    }

    [Fact]
    public void ShippedModelMatchesTheFeaturesTheClassifierComputes()
    {
        var (taxonomy, _) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath);
        var names = new Dictionary<ulong, string>();
        var classifier = new AnnouncementClassifier(taxonomy!);
        var (text, evidence) = classifier.Analyze(new ClassificationInput("AI 人工知能", "law"));
        FeatureExtractor.Extract(text, evidence, names);
        var ruleFeatures = names.Values.Where(n => n.StartsWith("r:", StringComparison.Ordinal)).ToHashSet();

        var modelFeatures = taxonomy!.Statistical!.FeatureNames.ToList();

        // Term features name a topic and one of its taxonomy terms, as the rules wrote it.
        var terms = taxonomy.Topics.SelectMany(t => t.Terms.Select(term => $"t:{t.Id}|{term.Text}")).ToHashSet();
        Assert.All(modelFeatures, f => Assert.True(f.StartsWith("w:", StringComparison.Ordinal) || f.StartsWith("c:", StringComparison.Ordinal) || ruleFeatures.Contains(f) || terms.Contains(f), f));
        Assert.Contains(modelFeatures, f => f.StartsWith("t:", StringComparison.Ordinal));
        Assert.Contains("r:ctx", modelFeatures);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    [InlineData("ko")]
    [InlineData("zh")]
    [InlineData("fr")]
    [InlineData("de")]
    [InlineData("es")]
    [InlineData("ar")]
    public void EveryTopicHasTermsInTheEightRequiredLanguages(string language)
    {
        var (taxonomy, _) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath, loadStatisticalModel: false);

        foreach (var topic in taxonomy!.Topics)
        {
            Assert.True(topic.Terms.Any(t => t.Language == language), $"{topic.Id} has no {language} terms");
        }

        Assert.Contains(taxonomy.Context, t => t.Language == language);
    }

    [Fact]
    public void TracksTheAmbiguousNationalModelsOnlyAsAmbiguous()
    {
        var (taxonomy, _) = TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath, loadStatisticalModel: false);

        foreach (var name in new[] { "Falcon", "Typhoon", "Swallow", "Viking", "Solar", "Minerva", "Mistral" })
        {
            var model = Assert.Single(taxonomy!.Models, m => m.Name == name);
            Assert.Contains(name, model.Ambiguous);
            Assert.DoesNotContain(name, model.Aliases);
        }
    }
}
