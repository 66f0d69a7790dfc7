using Monitor.Worker.Classification;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Configuration;

/// <summary>The loaded configuration and every problem found in it.</summary>
public sealed record ConfigurationCheckResult(IReadOnlyList<SourceDefinition> Sources, Taxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems)
{
    public bool IsValid => Problems.Count == 0 && Taxonomy is not null;
}
