using Microsoft.Extensions.Options;

namespace Monitor.Worker.Classification;

/// <summary>Registers classification: the taxonomy and classifier loaded (and validated) at start-up, and the optional
/// LLM refiner with its validated options.</summary>
public static class ClassificationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="Taxonomy"/>, <paramref name="classifier"/> and <see cref="LlmRefiner"/> as singletons, with
    /// <see cref="LlmRefinementOptions"/> bound from <c>Monitor:Classification:Llm</c> and validated at start.</summary>
    public static IHostApplicationBuilder AddClassification(this IHostApplicationBuilder builder, AnnouncementClassifier classifier)
    {
        builder.Services.AddOptions<LlmRefinementOptions>()
            .BindConfiguration(LlmRefinementOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LlmRefinementOptions>, LlmRefinementOptionsValidator>();
        builder.Services.AddSingleton(classifier.Taxonomy);
        builder.Services.AddSingleton(classifier);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmRefinementOptions>>().Value;
            var chat = options.Enabled ? LlmRefiner.CreateChatClient(options) : null;
            return new LlmRefiner(chat, options, sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<Storage.RequestCounter>());
        });
        return builder;
    }
}
