namespace Monitor.Worker.Classification;

/// <summary>The <c>classify-train</c> verb: trains the statistical layer from labelled JSONL files.</summary>
public static class ClassifierTraining
{
    /// <summary>Trains from the comma-separated files in <paramref name="inPaths"/> and writes the model to <paramref name="outPath"/>.</summary>
    public static Task<int> RunAsync(string inPaths, string outPath, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
