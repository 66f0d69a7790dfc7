namespace Monitor.Worker.Extraction;

/// <summary>The <c>extract --in-dir DIR --out-dir OUT</c> verb (DESIGN.md contract).</summary>
public static class ExtractCommand
{
    /// <summary>Extracts every <c>NAME.html[.gz]</c> in <paramref name="inDir"/> to <c>OUT/NAME.json</c>.</summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string inDir, string outDir, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
