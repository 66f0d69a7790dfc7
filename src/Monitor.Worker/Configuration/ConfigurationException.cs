namespace Monitor.Worker.Configuration;

/// <summary>Configuration is invalid; <see cref="Problems"/> lists every problem found (the message the first ones).</summary>
public sealed class ConfigurationException(IReadOnlyList<ConfigProblem> problems, ConfigurationLimits? limits = null)
    : Exception(Describe(problems, limits ?? new ConfigurationLimits()))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<ConfigProblem> problems, ConfigurationLimits limits) => problems.Count == 1
        ? $"configuration problem: {problems[0]}"
        : $"configuration has {problems.Count:N0} problems:{Environment.NewLine}" + string.Join(Environment.NewLine, limits.Listing(problems).Select(p => "  - " + p));
}
