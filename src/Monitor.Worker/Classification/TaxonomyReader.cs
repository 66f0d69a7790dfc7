using System.Globalization;
using Monitor.Worker.Configuration;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Classification;

/// <summary>Walks the YAML tree of <c>taxonomy.yaml</c>, building the <see cref="Taxonomy"/> and collecting every
/// problem (file, entry, field) instead of stopping at the first.</summary>
internal sealed class TaxonomyReader(string file)
{
    private static readonly string[] RootKeys = ["settings", "context", "off_topic", "public_sector", "exclusions", "context_rules", "topics", "countries", "models"];
    private static readonly string[] RuleKeys = ["if_any", "cancel"];
    private static readonly string[] SettingKeys = ["digest_threshold", "topic_threshold", "model_context_window", "model_file"];
    private static readonly string[] TopicKeys = ["terms", "exclude"];
    private static readonly string[] CountryKeys = ["names", "demonyms", "capitals", "agencies", "companies", "shared"];
    private static readonly string[] ModelKeys = ["name", "country", "aliases", "ambiguous"];

    private readonly TaxonomyYaml _yaml = new(file);

    /// <summary>Problems found so far.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _yaml.Problems;

    /// <summary>Reads the root mapping.</summary>
    public ParsedTaxonomy Read(YamlMappingNode root)
    {
        _yaml.CheckKeys(root, RootKeys, "");
        var settings = _yaml.Child<YamlMappingNode>(root, "settings", "");
        double digest = Taxonomy.DefaultDigestThreshold, topic = 0.5;
        var window = 160;
        string? modelFile = null;
        if (settings is not null)
        {
            _yaml.CheckKeys(settings, SettingKeys, "settings");
            digest = _yaml.Number(settings, "digest_threshold", "settings", digest, 0, 1);
            topic = _yaml.Number(settings, "topic_threshold", "settings", topic, 0, 1);
            window = (int)_yaml.Number(settings, "model_context_window", "settings", window, 10, 2000);
            modelFile = _yaml.Child<YamlScalarNode>(settings, "model_file", "settings")?.Value;
        }

        var context = _yaml.Terms(_yaml.Child<YamlMappingNode>(root, "context", ""), "context", "");
        if (context.Count == 0)
        {
            _yaml.Add("context", "", "no AI context terms: nothing could ever be relevant");
        }

        var taxonomy = new Taxonomy
        {
            DigestThreshold = digest,
            TopicThreshold = topic,
            ModelContextWindow = window,
            Context = context,
            OffTopic = _yaml.Terms(_yaml.Child<YamlMappingNode>(root, "off_topic", ""), "off_topic", ""),
            PublicSector = _yaml.Terms(_yaml.Child<YamlMappingNode>(root, "public_sector", ""), "public_sector", ""),
            Exclusions = _yaml.Strings(root, "exclusions", ""),
            ContextRules = ReadContextRules(_yaml.Child<YamlSequenceNode>(root, "context_rules", "")),
            Topics = ReadTopics(_yaml.Child<YamlMappingNode>(root, "topics", "")),
            Countries = ReadCountries(_yaml.Child<YamlMappingNode>(root, "countries", "")),
            Models = ReadModels(_yaml.Child<YamlSequenceNode>(root, "models", "")),
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
                _yaml.Add(entry, "", "must be a mapping with if_any and cancel");
                continue;
            }

            _yaml.CheckKeys(map, RuleKeys, entry);
            var ifAny = _yaml.Strings(map, "if_any", entry);
            var cancel = _yaml.Strings(map, "cancel", entry);
            if (ifAny.Count == 0)
            {
                _yaml.Add(entry, "if_any", "no trigger phrases");
            }

            if (cancel.Count == 0)
            {
                _yaml.Add(entry, "cancel", "no terms to cancel");
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
            _yaml.Add("topics", "", "missing: the taxonomy needs terms for each topic");
            return topics;
        }

        foreach (var (keyNode, value) in node.Children)
        {
            if (_yaml.KeyText(keyNode, "topics") is not { } id)
            {
                continue;
            }

            var entry = $"topics.{id}";
            if (!Topics.IsKnown(id))
            {
                _yaml.Add(entry, "", $"unknown topic '{id}'; expected one of: {string.Join(", ", Topics.All)}");
                continue;
            }

            if (value is not YamlMappingNode map)
            {
                _yaml.Add(entry, "", "must be a mapping with 'terms' (and optional 'exclude')");
                continue;
            }

            _yaml.CheckKeys(map, TopicKeys, entry);
            var terms = _yaml.Terms(_yaml.Child<YamlMappingNode>(map, "terms", entry), entry, "terms.");
            if (terms.Count == 0)
            {
                _yaml.Add(entry, "terms", "no terms: a topic needs at least one term");
            }

            topics.Add(new TaxonomyTopic(id, terms, _yaml.Strings(map, "exclude", entry)));
        }

        return topics;
    }

    private List<TaxonomyCountry> ReadCountries(YamlMappingNode? node)
    {
        var countries = new List<TaxonomyCountry>();
        foreach (var (keyNode, value) in node?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            if (_yaml.KeyText(keyNode, "countries") is not { } code)
            {
                continue;
            }

            var entry = $"countries.{code}";
            if (!CountryCodes.IsKnown(code))
            {
                _yaml.Add(entry, "", $"unknown country code '{code}'; use ISO 3166-1 alpha-2 in capitals, EU or INT");
                continue;
            }

            if (value is not YamlMappingNode map)
            {
                _yaml.Add(entry, "", "must be a mapping with names, demonyms, capitals, agencies, companies, shared");
                continue;
            }

            _yaml.CheckKeys(map, CountryKeys, entry);
            var c = new TaxonomyCountry(code, _yaml.Strings(map, "names", entry), _yaml.Strings(map, "demonyms", entry),
                _yaml.Strings(map, "capitals", entry), _yaml.Strings(map, "agencies", entry), _yaml.Strings(map, "companies", entry),
                _yaml.Strings(map, "shared", entry));
            if (c.Names.Count + c.Demonyms.Count + c.Capitals.Count + c.Agencies.Count + c.Companies.Count == 0)
            {
                _yaml.Add(entry, "names", "no names: the entry can never match (shared names only add to a country named otherwise)");
            }

            countries.Add(c);
        }

        // A shared name is one several countries use: listed under one country only, it is an agency in the wrong list.
        foreach (var single in countries.SelectMany(c => c.SharedNames.Select(n => (Code: c.Code, Name: n.Trim())))
                     .GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
                     .Where(g => g.Select(x => x.Code).Distinct().Count() < 2))
        {
            _yaml.Add($"countries.{single.First().Code}", "shared",
                $"'{single.Key}' is listed under one country only; list it under every country it may mean, or move it to agencies");
        }

        // A name listed as one country's own under two countries decides for both: it belongs in `shared` under each.
        foreach (var clash in countries
                     .SelectMany(c => c.Names.Concat(c.Demonyms).Concat(c.Capitals).Concat(c.Agencies).Concat(c.Companies)
                         .Select(n => (c.Code, Name: n.Trim(), Key: GazetteerKey(n))))
                     .Where(x => x.Key.Length > 0)
                     .GroupBy(x => x.Key, StringComparer.Ordinal)
                     .Where(g => g.Select(x => x.Code).Distinct().Count() > 1))
        {
            var codes = clash.Select(x => x.Code).Distinct().ToList();
            _yaml.Add($"countries.{codes[0]}", "",
                $"'{clash.First().Name}' is listed under {string.Join(" and ", codes)}; a name several countries use belongs in 'shared' under each of them");
        }

        return countries;
    }

    /// <summary>The form under which a gazetteer name is matched (case, '=' and '*' aside), to find one listed twice.</summary>
    private static string GazetteerKey(string name) =>
        TextNormalizer.Fold(TextNormalizer.NormalizeTerm(name.Trim().TrimStart('=').Trim('*')));

    private List<TaxonomyModel> ReadModels(YamlSequenceNode? node)
    {
        var models = new List<TaxonomyModel>();
        var i = 0;
        foreach (var item in node?.Children ?? [])
        {
            var entry = $"models[{i++}]";
            if (item is not YamlMappingNode map)
            {
                _yaml.Add(entry, "", "must be a mapping with name, country, aliases, ambiguous");
                continue;
            }

            var name = _yaml.Child<YamlScalarNode>(map, "name", entry)?.Value;
            if (!string.IsNullOrWhiteSpace(name))
            {
                entry = $"{entry} ({name})";
            }

            _yaml.CheckKeys(map, ModelKeys, entry);
            var country = _yaml.Child<YamlScalarNode>(map, "country", entry)?.Value ?? "";
            // A name of the wrong shape was already reported; only report one that is absent or blank.
            var nameIsScalarOrAbsent = !map.Children.TryGetValue(new YamlScalarNode("name"), out var nameNode) || nameNode is YamlScalarNode;
            if (string.IsNullOrWhiteSpace(name) && nameIsScalarOrAbsent)
            {
                _yaml.Add(entry, "name", "missing");
            }

            if (!CountryCodes.IsKnown(country))
            {
                _yaml.Add(entry, "country", $"unknown country code '{country}'");
            }

            var aliases = _yaml.Strings(map, "aliases", entry);
            var ambiguous = _yaml.Strings(map, "ambiguous", entry);
            if (aliases.Count + ambiguous.Count == 0)
            {
                _yaml.Add(entry, "aliases", "no aliases: the model can never match");
            }

            models.Add(new TaxonomyModel(name ?? "", country, aliases, ambiguous));
        }

        return models;
    }
}
