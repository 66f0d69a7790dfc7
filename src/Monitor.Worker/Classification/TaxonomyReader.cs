using System.Globalization;
using Monitor.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Classification;

/// <summary>Walks the YAML tree of <c>taxonomy.yaml</c>, building the <see cref="Taxonomy"/> and collecting every
/// problem (file, entry, field) instead of stopping at the first.</summary>
internal sealed class TaxonomyReader(string file)
{
    private static readonly string[] RootKeys = ["settings", "context", "off_topic", "exclusions", "context_rules", "topics", "countries", "models"];
    private static readonly string[] RuleKeys = ["if_any", "cancel"];
    private static readonly string[] SettingKeys = ["digest_threshold", "topic_threshold", "model_context_window", "model_file"];
    private static readonly string[] TopicKeys = ["terms", "exclude"];
    private static readonly string[] CountryKeys = ["names", "demonyms", "capitals", "agencies", "companies"];
    private static readonly string[] ModelKeys = ["name", "country", "aliases", "ambiguous"];
    private static readonly string[] TermKeys = ["term", "weight"];

    private readonly List<ConfigProblem> _problems = [];

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Reads the root mapping.</summary>
    public ParsedTaxonomy Read(YamlMappingNode root)
    {
        CheckKeys(root, RootKeys, "");
        var settings = Child<YamlMappingNode>(root, "settings", "");
        double digest = Taxonomy.DefaultDigestThreshold, topic = 0.5;
        var window = 160;
        string? modelFile = null;
        if (settings is not null)
        {
            CheckKeys(settings, SettingKeys, "settings");
            digest = Number(settings, "digest_threshold", "settings", digest, 0, 1);
            topic = Number(settings, "topic_threshold", "settings", topic, 0, 1);
            window = (int)Number(settings, "model_context_window", "settings", window, 10, 2000);
            modelFile = Child<YamlScalarNode>(settings, "model_file", "settings")?.Value;
        }

        var context = Terms(Child<YamlMappingNode>(root, "context", ""), "context", "");
        if (context.Count == 0)
        {
            Add("context", "", "no AI context terms: nothing could ever be relevant");
        }

        var taxonomy = new Taxonomy
        {
            DigestThreshold = digest,
            TopicThreshold = topic,
            ModelContextWindow = window,
            Context = context,
            OffTopic = Terms(Child<YamlMappingNode>(root, "off_topic", ""), "off_topic", ""),
            Exclusions = Strings(root, "exclusions", ""),
            ContextRules = ReadContextRules(Child<YamlSequenceNode>(root, "context_rules", "")),
            Topics = ReadTopics(Child<YamlMappingNode>(root, "topics", "")),
            Countries = ReadCountries(Child<YamlMappingNode>(root, "countries", "")),
            Models = ReadModels(Child<YamlSequenceNode>(root, "models", "")),
        };
        return new ParsedTaxonomy(taxonomy, string.IsNullOrWhiteSpace(modelFile) ? null : modelFile);
    }

    private List<TaxonomyContextRule> ReadContextRules(YamlSequenceNode? node)
    {
        var rules = new List<TaxonomyContextRule>();
        var i = 0;
        foreach (var item in node?.Children ?? [])
        {
            var entry = $"context_rules[{i++}]";
            if (item is not YamlMappingNode map)
            {
                Add(entry, "", "must be a mapping with if_any and cancel");
                continue;
            }

            CheckKeys(map, RuleKeys, entry);
            var ifAny = Strings(map, "if_any", entry);
            var cancel = Strings(map, "cancel", entry);
            if (ifAny.Count == 0)
            {
                Add(entry, "if_any", "no trigger phrases");
            }

            if (cancel.Count == 0)
            {
                Add(entry, "cancel", "no terms to cancel");
            }

            rules.Add(new TaxonomyContextRule(ifAny, cancel));
        }

        return rules;
    }

    private List<TaxonomyTopic> ReadTopics(YamlMappingNode? node)
    {
        var topics = new List<TaxonomyTopic>();
        if (node is null)
        {
            Add("topics", "", "missing: the taxonomy needs terms for each topic");
            return topics;
        }

        foreach (var (keyNode, value) in node.Children)
        {
            var id = ((YamlScalarNode)keyNode).Value ?? "";
            var entry = $"topics.{id}";
            if (!Topics.IsKnown(id))
            {
                Add(entry, "", $"unknown topic '{id}'; expected one of: {string.Join(", ", Topics.All)}");
                continue;
            }

            if (value is not YamlMappingNode map)
            {
                Add(entry, "", "must be a mapping with 'terms' (and optional 'exclude')");
                continue;
            }

            CheckKeys(map, TopicKeys, entry);
            var terms = Terms(Child<YamlMappingNode>(map, "terms", entry), entry, "terms.");
            if (terms.Count == 0)
            {
                Add(entry, "terms", "no terms: a topic needs at least one term");
            }

            topics.Add(new TaxonomyTopic(id, terms, Strings(map, "exclude", entry)));
        }

        return topics;
    }

    private List<TaxonomyCountry> ReadCountries(YamlMappingNode? node)
    {
        var countries = new List<TaxonomyCountry>();
        foreach (var (keyNode, value) in node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var code = ((YamlScalarNode)keyNode).Value ?? "";
            var entry = $"countries.{code}";
            if (!CountryCodes.IsKnown(code))
            {
                Add(entry, "", $"unknown country code '{code}'; use ISO 3166-1 alpha-2 in capitals, EU or INT");
                continue;
            }

            if (value is not YamlMappingNode map)
            {
                Add(entry, "", "must be a mapping with names, demonyms, capitals, agencies");
                continue;
            }

            CheckKeys(map, CountryKeys, entry);
            var c = new TaxonomyCountry(code, Strings(map, "names", entry), Strings(map, "demonyms", entry),
                Strings(map, "capitals", entry), Strings(map, "agencies", entry), Strings(map, "companies", entry));
            if (c.Names.Count + c.Demonyms.Count + c.Capitals.Count + c.Agencies.Count + c.Companies.Count == 0)
            {
                Add(entry, "names", "no names: the entry can never match");
            }

            countries.Add(c);
        }

        return countries;
    }

    private List<TaxonomyModel> ReadModels(YamlSequenceNode? node)
    {
        var models = new List<TaxonomyModel>();
        var i = 0;
        foreach (var item in node?.Children ?? [])
        {
            var entry = $"models[{i++}]";
            if (item is not YamlMappingNode map)
            {
                Add(entry, "", "must be a mapping with name, country, aliases, ambiguous");
                continue;
            }

            var name = Child<YamlScalarNode>(map, "name", entry)?.Value;
            if (!string.IsNullOrWhiteSpace(name))
            {
                entry = $"{entry} ({name})";
            }

            CheckKeys(map, ModelKeys, entry);
            var country = Child<YamlScalarNode>(map, "country", entry)?.Value ?? "";
            if (string.IsNullOrWhiteSpace(name))
            {
                Add(entry, "name", "missing");
            }

            if (!CountryCodes.IsKnown(country))
            {
                Add(entry, "country", $"unknown country code '{country}'");
            }

            var aliases = Strings(map, "aliases", entry);
            var ambiguous = Strings(map, "ambiguous", entry);
            if (aliases.Count + ambiguous.Count == 0)
            {
                Add(entry, "aliases", "no aliases: the model can never match");
            }

            models.Add(new TaxonomyModel(name ?? "", country, aliases, ambiguous));
        }

        return models;
    }

    /// <summary>Reads a language → list-of-terms mapping; each term is a string or <c>{term, weight}</c>.</summary>
    private List<TaxonomyTerm> Terms(YamlMappingNode? byLanguage, string entry, string fieldPrefix)
    {
        var terms = new List<TaxonomyTerm>();
        foreach (var (langNode, list) in byLanguage?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            var lang = ((YamlScalarNode)langNode).Value ?? "";
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

    /// <summary>Rejects empty terms and terms too short to mean anything (one letter; one CJK character).</summary>
    private bool CheckTerm(string? text, string entry, string field)
    {
        var t = TextNormalizer.NormalizeTerm((text ?? "").Trim().TrimStart('=').Trim('*'));
        if (t.Length == 0)
        {
            Add(entry, field, "empty term");
            return false;
        }

        if (t.Length < 2)
        {
            Add(entry, field, $"term '{t}' is too short: use at least two characters (two for CJK, e.g. 国防 not 军)");
            return false;
        }

        return true;
    }

    private List<string> Strings(YamlMappingNode map, string key, string entry)
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

    private double Number(YamlMappingNode map, string key, string entry, double fallback, double min, double max, string fieldPrefix = "", bool exclusiveMin = false)
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

    private T? Child<T>(YamlMappingNode map, string key, string entry)
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

    private void CheckKeys(YamlMappingNode map, string[] allowed, string entry, string fieldPrefix = "")
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

    private void Add(string entry, string field, string message) => _problems.Add(new ConfigProblem(file, entry, field, message));
}
