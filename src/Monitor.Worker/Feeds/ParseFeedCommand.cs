namespace Monitor.Worker.Feeds;

/// <summary>The <c>parse-feed --in-dir DIR --out-dir OUT</c> verb (DESIGN.md contract).</summary>
public static class ParseFeedCommand
{
    /// <summary>Parses every file under <paramref name="inDir"/> and writes <c>OUT/&lt;relative path&gt;.json</c>.</summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> RunAsync(string inDir, string outDir, TextWriter output, CancellationToken cancellationToken)
        => throw new NotImplementedException();
}
