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
