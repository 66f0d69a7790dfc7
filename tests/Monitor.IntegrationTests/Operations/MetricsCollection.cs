namespace Monitor.IntegrationTests.Operations;

/// <summary>OpenTelemetry listens to meters by name across the whole process, so a test that asserts exact counts
/// runs alone, not beside other tests' hosts that crawl at the same time (in production one process is one host).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "metrics (alone)";
}
