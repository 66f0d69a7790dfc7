using System.Globalization;
using System.Text;

namespace Monitor.Worker.Classification;

/// <summary>Builds the statistical layer from labelled JSONL (LABELS.md format) and measures it honestly by k-fold
/// cross-validation, so no item is ever scored by a model trained on it.</summary>
public static class ClassifierTraining
{
    private static readonly string[] Heads = [StatisticalModel.RelevanceHead, .. Topics.All];

    /// <summary>The <c>classify-train --in A.jsonl[,B.jsonl] --out model.json</c> verb: trains on every labelled
    /// item of <paramref name="inPaths"/> with the rules of <paramref name="taxonomyPath"/> (its own model file
    /// ignored) and writes the model to <paramref name="outPath"/>.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> TrainAsync(IReadOnlyList<string> inPaths, string taxonomyPath, string outPath, TextWriter output, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(inPaths, taxonomyPath, output, cancellationToken);
        if (prepared is null)
        {
            return 2;
        }

        var (_, examples, _, names) = prepared.Value;
        var description = $"trained {DateTime.UtcNow:yyyy-MM-dd} on {string.Join(", ", inPaths.Select(Path.GetFileName))} ({examples.Count} items)";
        var model = LogisticTrainer.Train(examples, Heads, names, description);
        model.Save(outPath);
        await output.WriteLineAsync($"classify-train: {examples.Count} items, heads [{string.Join(", ", model.Heads)}], {model.FeatureCount} features -> {outPath}");
        return 0;
    }

    /// <summary>k-fold cross-validation: for each fold, trains on the other folds and classifies the fold's items with
    /// rules + that model; writes every item's out-of-fold prediction (classify output format) to
    /// <paramref name="predictionsPath"/>, ready for the shared scoring script. Folds are assigned by a hash of the id.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> CrossValidateAsync(IReadOnlyList<string> inPaths, string taxonomyPath, int folds, string predictionsPath, TextWriter output, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(inPaths, taxonomyPath, output, cancellationToken);
        if (prepared is null || folds < 2)
        {
            return 2;
        }

        var (taxonomy, examples, records, names) = prepared.Value;
        var lines = new string[records.Count];
        for (var k = 0; k < folds; k++)
        {
            var train = Enumerable.Range(0, records.Count).Where(i => Fold(records[i].Id, folds) != k).Select(i => examples[i]).ToList();
            var model = LogisticTrainer.Train(train, Heads, names, $"fold {k}");
            var classifier = new AnnouncementClassifier(taxonomy.WithStatistical(model));
            for (var i = 0; i < records.Count; i++)
            {
                if (Fold(records[i].Id, folds) == k)
                {
                    lines[i] = ClassificationJson.Line(records[i].Id, classifier.Classify(records[i].Input));
                }
            }
        }

        await File.WriteAllLinesAsync(predictionsPath, lines, new UTF8Encoding(false), cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cross-validation: {folds} folds over {records.Count} items -> {predictionsPath}"));
        return 0;
    }

    private static async Task<(Taxonomy Taxonomy, List<LogisticTrainer.Example> Examples, List<ClassificationRecord> Records, Dictionary<ulong, string> Names)?> PrepareAsync(
        IReadOnlyList<string> inPaths, string taxonomyPath, TextWriter output, CancellationToken cancellationToken)
    {
        var (taxonomy, problems) = TaxonomyLoader.Load(taxonomyPath, loadStatisticalModel: false);
        if (taxonomy is null)
        {
            foreach (var p in problems)
            {
                await output.WriteLineAsync(p.ToString());
            }

            return null;
        }

        var records = new List<ClassificationRecord>();
        foreach (var path in inPaths)
        {
            var n = 0;
            foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
            {
                n++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                try
                {
                    var r = ClassificationRecord.Parse(line);
                    if (r.Relevant is not null)
                    {
                        records.Add(r);
                    }
                }
                catch (FormatException ex)
                {
                    await output.WriteLineAsync($"classify-train: {Path.GetFileName(path)} line {n}: {ex.Message} (skipped)");
                }
            }
        }

        var rules = new AnnouncementClassifier(taxonomy);
        var names = new Dictionary<ulong, string>();
        var examples = records.Select(r => ToExample(rules, r, names)).ToList();
        return (taxonomy, examples, records, names);
    }

    private static LogisticTrainer.Example ToExample(AnnouncementClassifier rules, ClassificationRecord r, Dictionary<ulong, string> names)
    {
        var (text, evidence) = rules.Analyze(r.Input);
        var labels = new bool?[Heads.Length];
        labels[0] = r.IsJudged("relevant") ? r.Relevant : null;
        for (var t = 0; t < Topics.All.Count; t++)
        {
            // Topics are only labelled on relevant items, and only where the source data judges them.
            labels[t + 1] = r.Relevant == true && r.IsJudged(Topics.All[t]) ? r.Topics.Contains(Topics.All[t]) : null;
        }

        return new LogisticTrainer.Example(FeatureExtractor.Extract(text, evidence, names), labels);
    }

    private static int Fold(string id, int folds)
    {
        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var h = 2166136261u;
        foreach (var ch in id)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)(h % (uint)folds);
    }
}
