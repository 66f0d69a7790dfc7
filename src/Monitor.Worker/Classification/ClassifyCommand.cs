namespace Monitor.Worker.Classification;

/// <summary>The <c>classify --in FILE.jsonl --out FILE.jsonl</c> verb (DESIGN.md contract).</summary>
public static class ClassifyCommand
{
    /// <summary>Classifies each input line with the taxonomy at <paramref name="taxonomyPath"/>.</summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string inPath, string outPath, string taxonomyPath, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
