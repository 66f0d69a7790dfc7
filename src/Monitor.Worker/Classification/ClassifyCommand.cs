using System.Text;

namespace Monitor.Worker.Classification;

/// <summary>The <c>classify --in FILE.jsonl --out FILE.jsonl</c> verb (DESIGN.md contract).</summary>
/// <remarks>Every input line gives exactly one output line, in order. A line that cannot be read (bad JSON, no id, no
/// title or text) is reported on standard error with its line number and still gives an output line
/// <c>{"id", "relevant": false, ..., "error": "..."}</c> (id <c>line:N</c> when unreadable), so outputs stay aligned with
/// inputs; blank lines are skipped. Exit code: 0 when every line was classified, 1 when some lines were bad,
/// 2 when the input or the taxonomy cannot be used.</remarks>
public static class ClassifyCommand
{
    /// <summary>Classifies each input line with the taxonomy at <paramref name="taxonomyPath"/>; the summary goes to
    /// <paramref name="output"/>, problems to <paramref name="error"/>.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string inPath, string outPath, string taxonomyPath, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var (taxonomy, problems) = TaxonomyLoader.Load(taxonomyPath);
        if (taxonomy is null)
        {
            foreach (var p in problems)
            {
                await error.WriteLineAsync(p.ToString());
            }

            return 2;
        }

        if (!File.Exists(inPath))
        {
            await error.WriteLineAsync($"classify: input file not found: {inPath}");
            return 2;
        }

        var classifier = new AnnouncementClassifier(taxonomy);
        int lineNumber = 0, classified = 0, relevant = 0, bad = 0;
        using var reader = new StreamReader(inPath, Encoding.UTF8);
        await using var writer = new StreamWriter(outPath, false, new UTF8Encoding(false));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var record = ClassificationRecord.Parse(line);
                var result = classifier.Classify(record.Input);
                await writer.WriteLineAsync(ClassificationJson.Line(record.Id, result));
                classified++;
                relevant += result.Relevant ? 1 : 0;
            }
            catch (FormatException ex)
            {
                bad++;
                await error.WriteLineAsync($"classify: {Path.GetFileName(inPath)} line {lineNumber}: {ex.Message}");
                await writer.WriteLineAsync(ClassificationJson.ErrorLine(ClassificationRecord.TryReadId(line) ?? $"line:{lineNumber}", ex.Message));
            }
        }

        await output.WriteLineAsync($"classified {classified} items ({relevant} relevant), {bad} bad lines -> {outPath}");
        return bad == 0 ? 0 : 1;
    }
}
