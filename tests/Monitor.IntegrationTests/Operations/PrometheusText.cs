using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.IntegrationTests.Operations;

/// <summary>A reader of the Prometheus text exposition format (0.0.4): samples with their labels, and the TYPE lines.
/// Strict on purpose: a line that is neither a comment nor a well-formed sample fails the test.</summary>
internal sealed partial class PrometheusText
{
    private PrometheusText(List<(string Name, Dictionary<string, string> Labels, double Value)> samples, Dictionary<string, string> types)
    {
        Samples = samples;
        Types = types;
    }

    public IReadOnlyList<(string Name, Dictionary<string, string> Labels, double Value)> Samples { get; }

    public IReadOnlyDictionary<string, string> Types { get; }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<(string, Dictionary<string, string>, double)>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match label in Label().Matches(match.Groups["labels"].Value))
            {
                labels[label.Groups["k"].Value] = label.Groups["v"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
            }

            var raw = match.Groups["value"].Value;
            var value = raw switch
            {
                "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                "NaN" => double.NaN,
                _ => double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
            samples.Add((match.Groups["name"].Value, labels, value));
        }

        return new PrometheusText(samples, types);
    }

    /// <summary>The sum of the samples called <paramref name="name"/> whose labels include <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).Sum(s => s.Value);

    public bool Has(string name) => Samples.Any(s => s.Name == name);

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>[^\s]+)(\s+-?\d+)?$")]
    private static partial Regex Sample();

    [GeneratedRegex(@"(?<k>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<v>(\\.|[^""\\])*)""")]
    private static partial Regex Label();
}
