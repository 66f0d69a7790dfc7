namespace Monitor.Worker.Configuration;

/// <summary>Configuration is invalid; <see cref="Problems"/> lists every problem found.</summary>
public sealed class ConfigurationException(IReadOnlyList<ConfigProblem> problems)
    : Exception($"configuration has {problems.Count} problem(s):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}
