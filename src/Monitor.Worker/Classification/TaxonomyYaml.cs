using System.Globalization;
using Monitor.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Classification;

/// <summary>Reads typed values out of taxonomy YAML nodes, recording a <see cref="ConfigProblem"/> (file, entry, field)
/// for each value of the wrong shape instead of throwing.</summary>
internal sealed class TaxonomyYaml(string file)
{
    private static readonly string[] TermKeys = ["term", "weight"];

    private readonly List<ConfigProblem> _problems = [];

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Reads a language → list-of-terms mapping; each term is a string or <c>{term, weight}</c>.</summary>
    public List<TaxonomyTerm> Terms(YamlMappingNode? byLanguage, string entry, string fieldPrefix)
    {
        var terms = new List<TaxonomyTerm>();
        foreach (var (langNode, list) in byLanguage?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (KeyText(langNode, entry) is not { } lang)
            {
                continue;
            }

            var field = $"{fieldPrefix}{lang}";
            if (list is not YamlSequenceNode seq)
            {
                Add(entry, field, "must be a list of terms");
                continue;
            }

            var j = 0;
            foreach (var item in seq.Children)
            {
                var at = $"{field}[{j++}]";
                if (item is YamlScalarNode scalar)
                {
                    AddTerm(terms, scalar.Value, 1.0, lang, entry, at);
                }
                else if (item is YamlMappingNode map)
                {
                    CheckKeys(map, TermKeys, entry, at + ".");
                    var weight = Number(map, "weight", entry, double.NaN, 0, 10, at + ".", exclusiveMin: true);
                    AddTerm(terms, Child<YamlScalarNode>(map, "term", entry)?.Value, double.IsNaN(weight) ? 1.0 : weight, lang, entry, at);
                }
                else
                {
                    Add(entry, at, "must be a term or {term, weight}");
                }
            }
        }

        return terms;
    }

    private void AddTerm(List<TaxonomyTerm> terms, string? text, double weight, string lang, string entry, string field)
    {
        if (CheckTerm(text, entry, field))
        {
            terms.Add(new TaxonomyTerm(text!.Trim(), weight, lang));
        }
    }

    /// <summary>Rejects empty terms, terms too short to mean anything (one letter; one CJK character), and a <c>*</c> at
    /// a word's end or start inside a phrase: the matcher reads a star as "any ending" only at the term's two ends (inside
    /// one, as in A*STAR, it is a letter), so "мовн* модел*" would never match anything.</summary>
    private bool CheckTerm(string? text, string entry, string field)
    {
        var t = TextNormalizer.NormalizeTerm((text ?? "").Trim().TrimStart('=').Trim('*'));
        if (t.Length == 0)
        {
            Add(entry, field, "empty term");
            return false;
        }

        if (t.Contains("* ", StringComparison.Ordinal) || t.Contains(" *", StringComparison.Ordinal))
        {
            Add(entry, field, $"term '{text!.Trim()}' has a * inside it: a * means any ending only at the start or the end of a term (write each form out, e.g. 'мовна модел*', 'мовні модел*')");
            return false;
        }

        if (t.Length < 2)
        {
            Add(entry, field, $"term '{t}' is too short: use at least two characters (two for CJK, e.g. 国防 not 军)");
            return false;
        }

        return true;
    }

    /// <summary>A list of strings (terms, names); each checked for length.</summary>
    public List<string> Strings(YamlMappingNode map, string key, string entry)
    {
        var result = new List<string>();
        var node = Child<YamlNode>(map, key, entry);
        if (node is null)
        {
            return result;
        }

        if (node is not YamlSequenceNode seq)
        {
            Add(entry, key, "must be a list");
            return result;
        }

        var i = 0;
        foreach (var item in seq.Children)
        {
            var field = $"{key}[{i++}]";
            if (item is YamlScalarNode s && CheckTerm(s.Value, entry, field))
            {
                result.Add(s.Value!.Trim());
            }
            else if (item is not YamlScalarNode)
            {
                Add(entry, field, "must be a string");
            }
        }

        return result;
    }

    /// <summary>A number in a range, or <paramref name="fallback"/> when absent or invalid (and a problem recorded).</summary>
    public double Number(YamlMappingNode map, string key, string entry, double fallback, double min, double max, string fieldPrefix = "", bool exclusiveMin = false)
    {
        var node = Child<YamlScalarNode>(map, key, entry);
        if (node is null)
        {
            return fallback;
        }

        if (!double.TryParse(node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || (exclusiveMin ? value <= min : value < min) || value > max)
        {
            Add(entry, fieldPrefix + key, $"'{node.Value}' is not a number in {(exclusiveMin ? "(" : "[")}{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
            return double.IsNaN(fallback) ? 1.0 : fallback;
        }

        return value;
    }

    /// <summary>The child node under <paramref name="key"/> when present and of the expected shape.</summary>
    public T? Child<T>(YamlMappingNode map, string key, string entry)
        where T : YamlNode
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)
            || node is YamlScalarNode { Value: null or "" } && typeof(T) != typeof(YamlScalarNode))
        {
            return null;
        }

        if (node is T typed)
        {
            return typed;
        }

        Add(entry, key, $"has the wrong shape (expected a {ShapeName(typeof(T))})");
        return null;
    }

    /// <summary>Records every key of <paramref name="map"/> that is not in <paramref name="allowed"/>.</summary>
    public void CheckKeys(YamlMappingNode map, string[] allowed, string entry, string fieldPrefix = "")
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Add(entry, fieldPrefix + name, $"unknown key (line {key.Start.Line}); expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    private static string ShapeName(Type t) =>
        t == typeof(YamlMappingNode) ? "mapping" : t == typeof(YamlSequenceNode) ? "list" : t == typeof(YamlScalarNode) ? "value" : "node";

    /// <summary>The text of a mapping key, or null (and a problem) when the key is not a plain value.</summary>
    public string? KeyText(YamlNode key, string entry)
    {
        if (key is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        Add(entry, "", $"keys must be plain names (line {key.Start.Line})");
        return null;
    }

    /// <summary>Records a problem.</summary>
    public void Add(string entry, string field, string message) => _problems.Add(new ConfigProblem(file, entry, field, message));
}
