namespace Monitor.Worker.Extraction;

/// <summary>The <c>bench extract</c> verb: single-thread extraction speed and peak memory.</summary>
public static class ExtractionBenchmark
{
    /// <summary>Measures pages/s over <paramref name="inDir"/> after a warm-up round.</summary>
    public static Task<int> RunAsync(string inDir, int rounds, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
