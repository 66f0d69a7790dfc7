namespace Monitor.IntegrationTests.Hostile;

/// <summary>
/// Tests that assert a worker process's own bounds of memory and time run alone, after the tests that run in parallel:
/// beside them, two cores shared with other tests' crawls delay the worker's collector and its threads, and what is
/// measured is the test machine's load rather than the process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BoundsCollection
{
    public const string Name = "process bounds (alone)";
}
