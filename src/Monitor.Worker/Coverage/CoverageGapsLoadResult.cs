using Monitor.Worker.Configuration;

namespace Monitor.Worker.Coverage;

/// <summary>The valid gaps read from <c>coverage-gaps.yaml</c>, and every problem found in it.</summary>
public sealed record CoverageGapsLoadResult(IReadOnlyList<CoverageGap> Gaps, IReadOnlyList<ConfigProblem> Problems);
