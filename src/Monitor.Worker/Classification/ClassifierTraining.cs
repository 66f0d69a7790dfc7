using System.Globalization;
using System.Text;

namespace Monitor.Worker.Classification;

/// <summary>Builds the statistical layer from labelled JSONL (LABELS.md format) and measures it honestly by k-fold
/// cross-validation, so no item is ever scored by a model trained on it.</summary>
public static class ClassifierTraining
{
    private static readonly string[] Heads = [StatisticalModel.RelevanceHead, .. Topics.All, StatisticalModel.OffTopicHead];

    // Items that judge only some topics come from archives whose tags are broad and given from whole documents (AGORA's
    // "Government support" for investment, "AI workforce-related" for data-talent, Epoch's "model" for any notable
    // model): they still teach the topic heads, at half the weight of items labelled by LABELS.md throughout.
    private const double BroadLabelWeight = 0.5;

    /// <summary>The <c>classify-train --in A.jsonl[,B.jsonl] [--extra C.jsonl] --out model.json</c> verb: trains on
    /// every labelled item of <paramref name="inPaths"/> and <paramref name="extraPaths"/> with the rules of
    /// <paramref name="taxonomyPath"/> (its own model file ignored) and writes the model to <paramref name="outPath"/>.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> TrainAsync(IReadOnlyList<string> inPaths, IReadOnlyList<string> extraPaths, string taxonomyPath, string outPath,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(inPaths, extraPaths, taxonomyPath, error, cancellationToken);
        if (prepared is null)
        {
            return 2;
        }

        var (_, examples, _, names) = prepared.Value;
        var description = $"trained {DateTime.UtcNow:yyyy-MM-dd} on {string.Join(", ", inPaths.Concat(extraPaths).Select(Path.GetFileName))} ({examples.Count} items)";
        var model = LogisticTrainer.Train(examples, Heads, names, description);
        model.Save(outPath);
        await output.WriteLineAsync($"classify-train: {examples.Count} items, heads [{string.Join(", ", model.Heads)}], {model.FeatureCount} features -> {outPath}");
        return 0;
    }

    /// <summary>k-fold cross-validation: for each fold, trains on the other folds and classifies the fold's items with
    /// rules + that model; writes the out-of-fold prediction (classify output format) of every item of
    /// <paramref name="inPaths"/> to <paramref name="predictionsPath"/>, ready for the shared scoring script. Items of
    /// <paramref name="extraPaths"/> only train (never scored). Folds are assigned by a hash of each item's
    /// <see cref="ClassificationRecord.FoldKey"/>, so the sections of one act, or an item and its extra longer version,
    /// never sit on both sides of a split.</summary>
    /// <returns>The process exit code.</returns>
    public static Task<int> CrossValidateAsync(IReadOnlyList<string> inPaths, IReadOnlyList<string> extraPaths, string taxonomyPath, int folds,
        string predictionsPath, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        CrossValidateAsync(inPaths, extraPaths, taxonomyPath, folds, predictionsPath, output, error, null, cancellationToken);

    /// <summary><see cref="CrossValidateAsync(IReadOnlyList{string}, IReadOnlyList{string}, string, int, string, TextWriter, TextWriter, CancellationToken)"/>,
    /// telling <paramref name="foldOf"/> each item's id and fold (for tests).</summary>
    internal static async Task<int> CrossValidateAsync(IReadOnlyList<string> inPaths, IReadOnlyList<string> extraPaths, string taxonomyPath, int folds,
        string predictionsPath, TextWriter output, TextWriter error, Action<string, int>? foldOf, CancellationToken cancellationToken)
    {
        var prepared = await PrepareAsync(inPaths, extraPaths, taxonomyPath, error, cancellationToken);
        if (prepared is null || folds < 2)
        {
            return 2;
        }

        var (taxonomy, examples, records, names) = prepared.Value;
        var scored = Enumerable.Range(0, records.Count).Where(i => !examples[i].TrainOnly).ToList();
        var fold = examples.Select(e => Fold(e.FoldKey, folds)).ToArray();
        for (var i = 0; i < records.Count; i++)
        {
            foldOf?.Invoke(records[i].Id, fold[i]);
        }

        var lines = new string[scored.Count];
        for (var k = 0; k < folds; k++)
        {
            var train = Enumerable.Range(0, records.Count).Where(i => fold[i] != k).Select(i => examples[i]).ToList();
            var model = LogisticTrainer.Train(train, Heads, names, $"fold {k}");
            var classifier = new AnnouncementClassifier(taxonomy.WithStatistical(model));
            for (var n = 0; n < scored.Count; n++)
            {
                var i = scored[n];
                if (fold[i] == k)
                {
                    lines[n] = ClassificationJson.Line(records[i].Id, classifier.Classify(records[i].Input));
                }
            }
        }

        await File.WriteAllLinesAsync(predictionsPath, lines, new UTF8Encoding(false), cancellationToken);
        var extra = records.Count - scored.Count;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"cross-validation: {folds} folds over {scored.Count} items{(extra > 0 ? $" (+{extra} training-only)" : "")}, grouped by document -> {predictionsPath}"));
        return 0;
    }

    private static async Task<(Taxonomy Taxonomy, List<LogisticTrainer.Example> Examples, List<ClassificationRecord> Records, Dictionary<ulong, string> Names)?> PrepareAsync(
        IReadOnlyList<string> inPaths, IReadOnlyList<string> extraPaths, string taxonomyPath, TextWriter output, CancellationToken cancellationToken)
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

        foreach (var path in inPaths.Concat(extraPaths).Where(p => !File.Exists(p)))
        {
            // Like classify and extract: a missing input is a wrong argument (exit 2), checked before any work.
            await output.WriteLineAsync($"classify-train: input file not found: {path}");
            return null;
        }

        var records = new List<(ClassificationRecord Record, bool TrainOnly)>();
        foreach (var (path, trainOnly) in inPaths.Select(p => (p, false)).Concat(extraPaths.Select(p => (p, true))))
        {
            records.AddRange((await ReadRecordsAsync(path, output, cancellationToken)).Select(r => (r, trainOnly)));
        }

        var rules = new AnnouncementClassifier(taxonomy);
        var names = new Dictionary<ulong, string>();
        var examples = records.Select(r => ToExample(rules, r.Record, r.TrainOnly, names)).ToList();
        return (taxonomy, examples, records.Select(r => r.Record).ToList(), names);
    }

    private static async Task<List<ClassificationRecord>> ReadRecordsAsync(string path, TextWriter output, CancellationToken cancellationToken)
    {
        var records = new List<ClassificationRecord>();
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

        return records;
    }

    private static LogisticTrainer.Example ToExample(AnnouncementClassifier rules, ClassificationRecord r, bool trainOnly, Dictionary<ulong, string> names)
    {
        var (text, evidence) = rules.Analyze(r.Input);
        var labels = new bool?[Heads.Length];
        labels[0] = r.IsJudged("relevant") ? r.Relevant : null;
        for (var t = 0; t < Topics.All.Count; t++)
        {
            // Topics are only labelled on relevant items, and only where the source data judges them.
            labels[t + 1] = r.Relevant == true && r.IsJudged(Topics.All[t]) ? r.Topics.Contains(Topics.All[t]) : null;
        }

        // The off-topic head learns only where the rules see AI: among those items, what sets the negatives apart.
        labels[^1] = labels[0] is { } relevant && (evidence.Context > 0 || evidence.Models.Count > 0) ? !relevant : null;

        var broad = r.Judged is not null && !Topics.All.All(r.Judged.Contains);
        return new LogisticTrainer.Example(FeatureExtractor.Extract(text, evidence, names), labels, r.FoldKey, trainOnly, broad ? BroadLabelWeight : 1);
    }

    /// <summary>The fold of <paramref name="key"/> among <paramref name="folds"/>: a stable hash, the same on every run.</summary>
    internal static int Fold(string key, int folds)
    {
        // FNV-1a: stable across runs and platforms, unlike string.GetHashCode.
        var h = 2166136261u;
        foreach (var ch in key)
        {
            h = (h ^ ch) * 16777619u;
        }

        return (int)(h % (uint)folds);
    }
}
