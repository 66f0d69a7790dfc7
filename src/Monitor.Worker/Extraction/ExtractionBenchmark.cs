using System.Diagnostics;
using System.Globalization;

namespace Monitor.Worker.Extraction;

/// <summary>The <c>bench extract --in-dir DIR [--rounds N]</c> verb: single-thread extraction speed and memory.</summary>
public static class ExtractionBenchmark
{
    /// <summary>
    /// Extracts every page of <paramref name="inDir"/> once to warm up, then <paramref name="rounds"/> more times on
    /// one thread, timing decompression, charset decoding, parsing and extraction (file reading is done up front),
    /// and prints pages per second and the process's peak working set.
    /// </summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string inDir, int rounds, TextWriter output, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(inDir) || rounds < 1)
        {
            await output.WriteLineAsync($"bench extract: need an existing --in-dir and --rounds >= 1 (got {inDir}, {rounds})");
            return 2;
        }

        var pages = new List<(byte[] Bytes, bool Gzip)>();
        foreach (var (path, _) in ExtractCommand.PageFiles(inDir))
        {
            pages.Add((await File.ReadAllBytesAsync(path, cancellationToken), path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)));
        }

        if (pages.Count == 0)
        {
            await output.WriteLineAsync($"bench extract: no NAME.html[.gz] files in {inDir}");
            return 2;
        }

        var now = DateTimeOffset.UtcNow;
        var characters = RunRound(pages, now, cancellationToken);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        await Cli.CliProgress.RunAsync(output, "bench extract", rounds, progress =>
        {
            for (var round = 0; round < rounds; round++)
            {
                RunRound(pages, now, cancellationToken);
                progress.Step($"round {round + 1}: {pages.Count} pages", count: 1);
            }

            return Task.FromResult(rounds);
        }, everyStep: true, unit: "rounds");

        stopwatch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var perSecond = pages.Count * rounds / stopwatch.Elapsed.TotalSeconds;
        var perCpuSecond = pages.Count * rounds / Math.Max(cpu.TotalSeconds, 1e-6);
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"pages: {pages.Count}, rounds: {rounds} (+1 warm-up), text characters per round: {characters}"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"speed: {perSecond:F1} pages/s (one thread, {stopwatch.Elapsed.TotalMilliseconds / (pages.Count * rounds):F2} ms/page wall clock)"));
        // On a shared machine the wall clock includes waiting for a core; process CPU time (which also counts the
        // runtime's background GC threads) tells the code's own cost.
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"cpu: {perCpuSecond:F1} pages per CPU-second ({cpu.TotalMilliseconds / (pages.Count * rounds):F2} ms/page)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"peak working set: {peakMb:F0} MB"));
        return 0;
    }

    private static long RunRound(List<(byte[] Bytes, bool Gzip)> pages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long characters = 0;
        foreach (var (bytes, gzip) in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var html = gzip ? ExtractCommand.Gunzip(bytes) : bytes;
            characters += ArticleExtractor.Extract(html, null, null, now, CancellationToken.None).Text.Length;
        }

        return characters;
    }
}
