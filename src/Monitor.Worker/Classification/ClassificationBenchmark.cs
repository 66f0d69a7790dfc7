using System.Diagnostics;
using System.Globalization;

namespace Monitor.Worker.Classification;

/// <summary>The <c>bench classify --in FILE</c> verb: classification throughput on one thread.</summary>
public static class ClassificationBenchmark
{
    private const int TextChars = 2048;

    /// <summary>Classifies every item of <paramref name="inPath"/> (title + first 2 KB of text) repeatedly for about
    /// three seconds after a warm-up, on the calling thread, and prints items per second of wall-clock time and per
    /// second of process CPU time (the second is the fairer figure on a shared, loaded machine).</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string inPath, string taxonomyPath, TextWriter output, CancellationToken cancellationToken)
    {
        var (taxonomy, problems) = TaxonomyLoader.Load(taxonomyPath);
        if (taxonomy is null)
        {
            foreach (var p in problems)
            {
                await output.WriteLineAsync(p.ToString());
            }

            return 2;
        }

        var inputs = new List<ClassificationInput>();
        foreach (var line in await File.ReadAllLinesAsync(inPath, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var r = ClassificationRecord.Parse(line).Input;
                inputs.Add(r with { Text = Pad(r.Text) });
            }
            catch (FormatException)
            {
                // The benchmark measures speed; bad lines are classify's concern.
            }
        }

        if (inputs.Count == 0)
        {
            await output.WriteLineAsync("bench classify: no items");
            return 2;
        }

        // The rules are compiled at the first classification: the build is timed with the first item.
        var build = Stopwatch.StartNew();
        var classifier = new AnnouncementClassifier(taxonomy);
        classifier.Classify(inputs[0]);
        build.Stop();
        foreach (var input in inputs)
        {
            classifier.Classify(input);
        }

        var count = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(3) && !cancellationToken.IsCancellationRequested)
        {
            foreach (var input in inputs)
            {
                classifier.Classify(input);
            }

            count += inputs.Count;
        }

        sw.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var rate = count / sw.Elapsed.TotalSeconds;
        var avgChars = inputs.Average(i => i.Title.Length + i.Text.Length);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"classify: {count} items in {sw.Elapsed.TotalSeconds:0.00} s on one thread = {rate:0} items/s wall clock, {count / Math.Max(cpu, 1e-9):0} items per CPU second (avg {avgChars:0} chars/item, {inputs.Count} distinct; taxonomy compiled and the first item classified in {build.ElapsedMilliseconds} ms)"));
        return 0;
    }

    /// <summary>Brings every text to 2 KB (repeating short texts) so the figure is for the contract's item size.</summary>
    private static string Pad(string text)
    {
        if (text.Length >= TextChars || text.Length == 0)
        {
            return text.Length > TextChars ? text[..TextChars] : text;
        }

        var sb = new System.Text.StringBuilder(TextChars + text.Length);
        while (sb.Length < TextChars)
        {
            sb.Append(text).Append(' ');
        }

        return sb.ToString(0, TextChars);
    }
}
