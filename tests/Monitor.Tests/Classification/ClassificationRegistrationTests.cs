using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Worker.Classification;

namespace Monitor.Tests.Classification;

/// <summary><c>AddClassification()</c> wires the shipped taxonomy, and an enabled LLM refiner without an endpoint is
/// rejected with a message naming the setting.</summary>
public sealed class ClassificationRegistrationTests
{
    [Fact]
    public void ResolvesTheClassifierFromTheShippedTaxonomy()
    {
        using var provider = Build([]);

        var classifier = provider.GetRequiredService<AnnouncementClassifier>();

        Assert.True(classifier.Classify(new ClassificationInput("National AI strategy published", "Artificial intelligence roadmap.")).Relevant);
        Assert.NotNull(provider.GetRequiredService<LlmRefiner>());
    }

    [Fact]
    public void RejectsAnEnabledRefinerWithoutEndpoint()
    {
        using var provider = Build(new() { ["Monitor:Classification:Llm:Enabled"] = "true" });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmRefinementOptions>>().Value);

        Assert.Contains("Monitor:Classification:Llm:Endpoint", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddClassification(new AnnouncementClassifier(TaxonomyLoader.Load(ShippedClassifier.TaxonomyPath).Taxonomy!));
        return (ServiceProvider)builder.Services.BuildServiceProvider();
    }
}
