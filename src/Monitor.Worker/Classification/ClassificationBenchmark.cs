namespace Monitor.Worker.Classification;

/// <summary>The <c>bench classify</c> verb: single-thread classification speed.</summary>
public static class ClassificationBenchmark
{
    /// <summary>Measures announcements/s over the items in <paramref name="inPath"/>.</summary>
    public static Task<int> RunAsync(string inPath, string taxonomyPath, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
