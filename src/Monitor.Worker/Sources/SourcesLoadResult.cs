using Monitor.Worker.Configuration;

namespace Monitor.Worker.Sources;

/// <summary>The valid sources read from a file, and every problem found in it.</summary>
public sealed record SourcesLoadResult(IReadOnlyList<SourceDefinition> Sources, IReadOnlyList<ConfigProblem> Problems);
