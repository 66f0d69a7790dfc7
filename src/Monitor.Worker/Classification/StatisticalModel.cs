using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Worker.Classification;

/// <summary>The learned layer: one logistic-regression head for relevance and one per topic, over the features of
/// <see cref="FeatureExtractor"/>. Shipped as a small JSON file (<c>config/classifier-model.json</c>) produced by
/// <see cref="ClassifierTraining.TrainAsync"/>. Immutable and thread-safe.</summary>
public sealed class StatisticalModel
{
    /// <summary>Name of the relevance head.</summary>
    public const string RelevanceHead = "relevant";

    /// <summary>Name of the off-topic head: trained only on items that speak of AI, it tells the look-alikes (earnings,
    /// gadgets "with AI", a singer called AI) from AI policy by their wording, and lowers their relevance.</summary>
    public const string OffTopicHead = "off-topic";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private readonly IReadOnlyDictionary<string, float[]> _byName;
    private readonly FrozenDictionary<ulong, (string Name, float[] Weights)> _weights;
    private readonly double[] _bias;

    internal StatisticalModel(IReadOnlyList<string> heads, double[] bias, IReadOnlyDictionary<string, float[]> weights, string description, double[]? thresholds)
    {
        Heads = heads;
        Thresholds = thresholds ?? heads.Select(_ => -1.0).ToArray();
        _bias = bias;
        _byName = weights;
        _weights = weights.ToFrozenDictionary(kv => FeatureExtractor.Hash(kv.Key), kv => (kv.Key, kv.Value));
        Description = description;
    }

    /// <summary>Head names: <see cref="RelevanceHead"/>, topic identifiers and/or <see cref="OffTopicHead"/>.</summary>
    public IReadOnlyList<string> Heads { get; }

    /// <summary>Per head: the tuned decision threshold for the combined topic probability, or -1 (use the taxonomy's).</summary>
    public IReadOnlyList<double> Thresholds { get; }

    /// <summary>What the model was trained on (file names, item counts).</summary>
    public string Description { get; }

    /// <summary>Names of the weighted features (<c>w:word</c>, <c>c:字符</c>, <c>r:rule</c>).</summary>
    internal IEnumerable<string> FeatureNames => _byName.Keys;

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => _weights.Count;

    /// <summary>Index of <paramref name="head"/>, or -1.</summary>
    public int IndexOf(string head)
    {
        for (var i = 0; i < Heads.Count; i++)
        {
            if (Heads[i] == head)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Probability per head, and the features that carried weight, from which <see cref="Contributions.Top"/>
    /// gives a head's strongest positive contributions when an explanation needs them.</summary>
    internal (double[] Probabilities, Contributions Contributions) Predict(Dictionary<ulong, double> features)
    {
        var z = (double[])_bias.Clone();
        var matched = new List<(string Name, float[] Weights, double Value)>(Math.Min(features.Count, 256));
        foreach (var (key, value) in features)
        {
            if (value == 0 || !_weights.TryGetValue(key, out var entry))
            {
                continue;
            }

            var (name, w) = entry;
            matched.Add((name, w, value));
            for (var h = 0; h < w.Length; h++)
            {
                z[h] += w[h] * value;
            }
        }

        for (var h = 0; h < z.Length; h++)
        {
            z[h] = 1 / (1 + Math.Exp(-z[h]));
        }

        return (z, new Contributions(matched));
    }

    /// <summary>The weighted features of one prediction; a head's top contributions are computed only when asked for
    /// (an item explains its relevance and its few topics, not all ten heads).</summary>
    internal sealed class Contributions(List<(string Name, float[] Weights, double Value)> matched)
    {
        /// <summary>Up to eight features with the largest positive contribution (above 0.05) to <paramref name="head"/>,
        /// largest first.</summary>
        public List<(string Feature, double Contribution)> Top(int head)
        {
            var list = new List<(string Feature, double Contribution)>(8);
            foreach (var (name, w, value) in matched)
            {
                var c = w[head] * value;
                if (c > 0.05)
                {
                    list.Add((name, c));
                }
            }

            list.Sort((a, b) => b.Contribution.CompareTo(a.Contribution));
            if (list.Count > 8)
            {
                list.RemoveRange(8, list.Count - 8);
            }

            return list;
        }
    }

    /// <summary>A copy without <paramref name="head"/> (to measure what one head adds).</summary>
    internal StatisticalModel Without(string head)
    {
        var keep = Enumerable.Range(0, Heads.Count).Where(h => Heads[h] != head).ToArray();
        return new StatisticalModel(keep.Select(h => Heads[h]).ToArray(), keep.Select(h => _bias[h]).ToArray(),
            _byName.ToDictionary(kv => kv.Key, kv => keep.Select(h => kv.Value[h]).ToArray()), Description, keep.Select(h => Thresholds[h]).ToArray());
    }

    /// <summary>A copy with per-head thresholds.</summary>
    internal StatisticalModel WithThresholds(double[] thresholds) => new(Heads, _bias, _byName, Description, thresholds);

    /// <summary>Writes the model as JSON.</summary>
    public void Save(string path)
    {
        var dto = new ModelFile(1, Description, [.. Heads], _bias.Select(b => Math.Round(b, 4)).ToArray(), [.. Thresholds],
            _byName.OrderBy(kv => kv.Key, StringComparer.Ordinal)
                .ToDictionary(kv => kv.Key, kv => kv.Value.Select(v => MathF.Round(v, 4)).ToArray()));
        File.WriteAllText(path, JsonSerializer.Serialize(dto, JsonOptions));
    }

    /// <summary>Loads a model file; returns an error message instead of throwing.</summary>
    public static (StatisticalModel? Model, string? Error) TryLoad(string path)
    {
        try
        {
            var dto = JsonSerializer.Deserialize<ModelFile>(File.ReadAllText(path));
            if (dto is null || dto.Version != 1 || dto.Heads.Length != dto.Bias.Length
                || dto.Weights.Values.Any(w => w.Length != dto.Heads.Length)
                || (dto.Thresholds is not null && dto.Thresholds.Length != dto.Heads.Length)
                || dto.Heads.Any(h => h != RelevanceHead && h != OffTopicHead && !Topics.IsKnown(h)))
            {
                return (null, $"model file '{Path.GetFileName(path)}' is not a version-1 classifier model");
            }

            return (new StatisticalModel(dto.Heads, dto.Bias, dto.Weights, dto.Description, dto.Thresholds), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return (null, $"cannot load model file '{Path.GetFileName(path)}': {ex.Message}");
        }
    }

    private sealed record ModelFile(
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("description")] string Description,
        [property: JsonPropertyName("heads")] string[] Heads,
        [property: JsonPropertyName("bias")] double[] Bias,
        [property: JsonPropertyName("thresholds")] double[]? Thresholds,
        [property: JsonPropertyName("weights")] Dictionary<string, float[]> Weights);
}
