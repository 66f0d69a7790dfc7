using Microsoft.Extensions.Options;

namespace Monitor.Worker.Classification;

/// <summary>Cross-field rules for <see cref="LlmRefinementOptions"/>: an enabled refiner needs an absolute http(s)
/// endpoint and a model name.</summary>
internal sealed class LlmRefinementOptionsValidator : IValidateOptions<LlmRefinementOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LlmRefinementOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{LlmRefinementOptions.SectionName}:Endpoint must be an absolute http(s) URL when Enabled is true");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add($"{LlmRefinementOptions.SectionName}:Model is required when Enabled is true");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
