using Microsoft.Extensions.Options;

namespace Monitor.Worker.Classification;

/// <summary>Registers classification: the taxonomy (loaded once, every problem listed if it is broken), the
/// classifier, and the optional LLM refiner with its validated options.</summary>
public static class ClassificationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="Taxonomy"/>, <see cref="AnnouncementClassifier"/> and <see cref="LlmRefiner"/> as
    /// singletons, with <see cref="LlmRefinementOptions"/> bound from <c>Classification:Llm</c> and validated at start.</summary>
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder, string taxonomyPath)
    {
        builder.Services.AddOptions<LlmRefinementOptions>()
            .BindConfiguration(LlmRefinementOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmRefinementOptions>, LlmRefinementOptionsValidator>();
        builder.Services.AddSingleton(_ =>
        {
            var (taxonomy, problems) = TaxonomyLoader.Load(taxonomyPath);
            return taxonomy ?? throw new InvalidOperationException(
                "taxonomy is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        });
        builder.Services.AddSingleton(sp => new AnnouncementClassifier(sp.GetRequiredService<Taxonomy>()));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmRefinementOptions>>().Value;
            var chat = options.Enabled ? LlmRefiner.CreateChatClient(options) : null;
            var threshold = sp.GetRequiredService<Taxonomy>().DigestThreshold;
            return new LlmRefiner(chat, options, threshold, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        return builder;
    }
}
