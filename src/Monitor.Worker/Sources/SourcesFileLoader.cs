using System.Globalization;
using System.Text.RegularExpressions;
using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using Monitor.Worker.JsonApi;
using Monitor.Worker.Listings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Sources;

/// <summary>
/// Reads <c>sources.yaml</c> node by node so that every problem (unknown key, missing url, bad cron, duplicate id,
/// unknown country...) is reported at once with the file, the source and the field, instead of stopping at the first.
/// </summary>
public static partial class SourcesFileLoader
{
    private static readonly HashSet<string> SourceKeys =
    [
        "id", "name", "url", "kind", "country", "language", "timezone", "schedule", "selectors", "json",
        "fetch_full_text", "enabled", "notes", "publisher", "format",
    ];

    /// <summary>Keys whose value is one scalar (the others, selectors and json, are mappings).</summary>
    private static readonly HashSet<string> ScalarKeys =
    [
        "id", "name", "url", "kind", "country", "language", "timezone", "schedule", "fetch_full_text", "enabled", "notes", "publisher",
    ];

    private static readonly HashSet<string> SelectorKeys = ["item", "link", "title", "date", "summary", "next"];
    private static readonly HashSet<string> JsonKeys = ["items", "id", "title", "link", "date", "summary"];

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static SourcesLoadResult Load(string path) => Load(path, new ConfigurationLimits());

    /// <summary>Loads and validates the file at <paramref name="path"/> within <paramref name="limits"/> (file size, sources).</summary>
    public static SourcesLoadResult Load(string path, ConfigurationLimits limits)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return new SourcesLoadResult([], [new ConfigProblem(file, "", "", $"file not found: {path}")]);
        }

        if (limits.CheckSize(path) is { } tooLarge)
        {
            return new SourcesLoadResult([], [tooLarge]);
        }

        try
        {
            return Parse(File.ReadAllText(path), file, limits);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new SourcesLoadResult([], [new ConfigProblem(file, "", "", $"cannot read the file: {ex.Message}")]);
        }
    }

    /// <summary>Parses and validates YAML text; <paramref name="file"/> names it in problems.</summary>
    public static SourcesLoadResult Parse(string yaml, string file) => Parse(yaml, file, new ConfigurationLimits());

    /// <summary>Parses and validates YAML text within <paramref name="limits"/>.</summary>
    public static SourcesLoadResult Parse(string yaml, string file, ConfigurationLimits limits)
    {
        var problems = new List<ConfigProblem>();
        if (YamlDepth.Check(yaml) is { } tooDeep)
        {
            return new SourcesLoadResult([], [new ConfigProblem(file, "", "", tooDeep)]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            problems.Add(new ConfigProblem(file, $"line {ex.Start.Line}", "", $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}"));
            return new SourcesLoadResult([], problems);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(new ConfigProblem(file, "", "", "expected a mapping with a 'sources' list at the top"));
            return new SourcesLoadResult([], problems);
        }

        YamlSequenceNode? list = null;
        foreach (var (key, value) in root.Children)
        {
            if (problems.Count >= ConfigurationLimits.MaxProblemsCollected)
            {
                problems.Add(new ConfigProblem(file, "", "", $"checking stopped after {ConfigurationLimits.MaxProblemsCollected:N0} problems"));
                return new SourcesLoadResult([], problems);
            }

            var name = (key as YamlScalarNode)?.Value;
            if (name == "sources" && value is YamlSequenceNode seq)
            {
                list = seq;
            }
            else if (name == "sources")
            {
                problems.Add(new ConfigProblem(file, "", "sources", "must be a list"));
            }
            else
            {
                problems.Add(new ConfigProblem(file, $"line {key.Start.Line}", name ?? "", "unknown key (expected 'sources')"));
            }
        }

        var sources = new List<SourceDefinition>();
        if (list is null)
        {
            if (problems.Count == 0)
            {
                problems.Add(new ConfigProblem(file, "", "sources", "missing"));
            }

            return new SourcesLoadResult(sources, problems);
        }

        if (list.Children.Count > limits.MaxSources)
        {
            problems.Add(new ConfigProblem(file, "", "sources", $"{list.Children.Count:N0} sources; the limit is {limits.MaxSources:N0} (Monitor:Limits:MaxSources)"));
            return new SourcesLoadResult(sources, problems);
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (problems.Count >= ConfigurationLimits.MaxProblemsCollected)
            {
                problems.Add(new ConfigProblem(file, "", "", $"checking stopped after {ConfigurationLimits.MaxProblemsCollected:N0} problems, at sources[{i}] of {list.Children.Count:N0}"));
                break;
            }

            var entry = $"sources[{i}]";
            if (list.Children[i] is not YamlMappingNode map)
            {
                problems.Add(new ConfigProblem(file, $"{entry} (line {list.Children[i].Start.Line})", "", "must be a mapping"));
                continue;
            }

            var source = ReadSource(map, file, entry, problems);
            var id = Scalar(map, "id");
            if (id is not null && seen.TryGetValue(id, out var first))
            {
                problems.Add(new ConfigProblem(file, id, "id", $"duplicate id (sources[{first}] and sources[{i}])"));
                continue;
            }

            if (id is not null)
            {
                seen[id] = i;
            }

            if (source is not null)
            {
                sources.Add(source);
            }
        }

        return new SourcesLoadResult(sources, problems);
    }

    private static SourceDefinition? ReadSource(YamlMappingNode map, string file, string position, List<ConfigProblem> problems)
    {
        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var idText = Scalar(map, "id");
        var entry = string.IsNullOrWhiteSpace(idText) ? $"{position} (line {map.Start.Line})" : idText;
        var before = problems.Count;

        foreach (var (keyNode, value) in map.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Add(new ConfigProblem(file, entry, "", $"a key must be a plain name, not a {Shape(keyNode)} (line {keyNode.Start.Line})"));
                continue;
            }

            if (!SourceKeys.Contains(key))
            {
                problems.Add(new ConfigProblem(file, entry, key, $"unknown key (line {keyNode.Start.Line}); expected one of: {string.Join(", ", SourceKeys)}"));
                continue;
            }

            if (ScalarKeys.Contains(key) && value is not YamlScalarNode)
            {
                problems.Add(new ConfigProblem(file, entry, key, $"must be a single value, not a {Shape(value)} (line {value.Start.Line})"));
                continue;
            }

            values[key] = value;
        }

        void Problem(string field, string message) => problems.Add(new ConfigProblem(file, entry, field, message));

        if (string.IsNullOrWhiteSpace(idText))
        {
            Problem("id", "missing");
        }
        else if (!IdPattern().IsMatch(idText))
        {
            Problem("id", "use lower-case letters, digits, '-', '_' or '.' (1-64 characters)");
        }

        Uri? url = null;
        var urlText = Scalar(map, "url");
        if (string.IsNullOrWhiteSpace(urlText))
        {
            Problem("url", "missing");
        }
        else if (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            Problem("url", $"'{urlText}' is not an absolute http(s) URL");
            url = null;
        }

        var kind = SourceKind.Auto;
        var kindText = Scalar(map, "kind");
        if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: true, out kind))
        {
            Problem("kind", $"'{kindText}' is not one of: auto, feed, listing, sitemap, json");
        }

        var country = Scalar(map, "country");
        if (string.IsNullOrWhiteSpace(country))
        {
            Problem("country", "missing (ISO 3166-1 alpha-2 code, EU or INT)");
        }
        else if (!CountryCodes.IsKnown(country))
        {
            Problem("country", $"'{country}' is not an ISO 3166-1 alpha-2 code, EU or INT (use upper case)");
        }

        var language = Scalar(map, "language");
        if (string.IsNullOrWhiteSpace(language))
        {
            Problem("language", "missing (a language tag such as en, ja, zh-CN)");
        }
        else if (!LanguagePattern().IsMatch(language))
        {
            Problem("language", $"'{language}' is not a language tag such as en, ja, zh-CN");
        }

        var timeZone = Scalar(map, "timezone");
        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            Problem("timezone", $"'{timeZone}' is not a known time zone id (use IANA ids such as Asia/Tokyo)");
        }

        var schedule = Scalar(map, "schedule");
        if (schedule is not null && CronValidator.Check(schedule) is { } cronError)
        {
            Problem("schedule", cronError);
        }

        var selectors = ReadSelectors(values.GetValueOrDefault("selectors"), Problem);
        var json = ReadJson(values.GetValueOrDefault("json"), Problem);
        if (kind == SourceKind.Json && json?.Items is null)
        {
            Problem("json", "kind json needs json.items (the dotted path to the item array)");
        }

        if (selectors is not null && kind is not (SourceKind.Listing or SourceKind.Auto))
        {
            Problem("selectors", $"only listing sources take selectors (kind is {kindText})");
        }

        var publisher = url is null ? SourcePublisher.News : PublisherRules.Default(url);
        var publisherText = Scalar(map, "publisher");
        if (publisherText is not null && !Enum.TryParse(publisherText, ignoreCase: true, out publisher))
        {
            Problem("publisher", $"'{publisherText}' is not one of: official, news");
        }

        SourceFormat? format = null;
        var formatText = Scalar(map, "format");
        if (formatText is not null)
        {
            if (!SourceFormatNames.TryParse(formatText, out var parsed))
            {
                Problem("format", $"'{formatText}' is not one of: {SourceFormatNames.Allowed}");
            }
            else if (!SourceFormatNames.Fits(parsed, kind))
            {
                Problem("format", $"'{formatText}' does not fit kind {kindText}");
            }
            else
            {
                format = parsed;
            }
        }

        var fetchFullText = ReadBool(map, "fetch_full_text", false, Problem);
        var enabled = ReadBool(map, "enabled", true, Problem);

        if (problems.Count > before || url is null || idText is null || country is null || language is null)
        {
            return null;
        }

        return new SourceDefinition
        {
            Id = idText,
            Name = Scalar(map, "name"),
            Url = url,
            Kind = kind,
            Country = country,
            Language = language,
            TimeZone = timeZone,
            Schedule = schedule,
            Selectors = selectors,
            Json = json,
            FetchFullText = fetchFullText,
            Enabled = enabled,
            Notes = Scalar(map, "notes"),
            Publisher = publisher,
            Format = format,
        };
    }

    private static ListingSelectors? ReadSelectors(YamlNode? node, Action<string, string> problem)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            problem("selectors", "must be a mapping (item, link, title, date, summary, next)");
            return null;
        }

        string? Selector(string key)
        {
            var value = Scalar(map, key);
            if (ListingSelectors.CheckSelector(value) is { } error)
            {
                problem($"selectors.{key}", error);
            }

            return value;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!SelectorKeys.Contains(key))
            {
                problem($"selectors.{key}", $"unknown key; expected one of: {string.Join(", ", SelectorKeys)}");
            }
            else if (value is not YamlScalarNode)
            {
                problem($"selectors.{key}", $"must be a single CSS selector, not a {Shape(value)}");
            }
        }

        var selectors = new ListingSelectors
        {
            Item = Selector("item"),
            Link = Selector("link"),
            Title = Selector("title"),
            Date = Selector("date"),
            Summary = Selector("summary"),
            Next = Selector("next"),
        };
        if (selectors.Item is null)
        {
            problem("selectors.item", "missing (the selector of each item block); omit 'selectors' entirely for automatic detection");
        }

        return selectors;
    }

    private static JsonApiPaths? ReadJson(YamlNode? node, Action<string, string> problem)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMappingNode map)
        {
            problem("json", "must be a mapping (items, id, title, link, date, summary)");
            return null;
        }

        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!JsonKeys.Contains(key))
            {
                problem($"json.{key}", $"unknown key; expected one of: {string.Join(", ", JsonKeys)}");
            }
            else if (value is not YamlScalarNode)
            {
                problem($"json.{key}", $"must be a single dotted path, not a {Shape(value)}");
            }
        }

        var paths = new JsonApiPaths
        {
            Items = Scalar(map, "items"),
            Id = Scalar(map, "id"),
            Title = Scalar(map, "title"),
            Link = Scalar(map, "link"),
            Date = Scalar(map, "date"),
            Summary = Scalar(map, "summary"),
        };
        foreach (var line in paths.Validate())
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            problem($"json.{line[..colon]}", line[(colon + 1)..].Trim());
        }

        return paths;
    }

    private static bool ReadBool(YamlMappingNode map, string key, bool fallback, Action<string, string> problem)
    {
        var text = Scalar(map, key);
        if (text is null)
        {
            return fallback;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problem(key, $"'{text}' is not true or false");
        return fallback;
    }

    private static string? Scalar(YamlMappingNode map, string key)
    {
        foreach (var (k, v) in map.Children)
        {
            if ((k as YamlScalarNode)?.Value == key)
            {
                var text = (v as YamlScalarNode)?.Value?.Trim();
                return string.IsNullOrEmpty(text) ? null : text;
            }
        }

        return null;
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "value",
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
