using Monitor.Worker.Classification;
using Monitor.Worker.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Coverage;

/// <summary>
/// Reads <c>coverage-gaps.yaml</c> (a top-level <c>gaps</c> list of <c>country</c>, <c>body</c>, <c>checked</c>,
/// <c>reason</c>, <c>evidence</c>), reporting every problem with the file, the entry and the field. A missing file
/// means no gaps.
/// </summary>
public static class CoverageGapsLoader
{
    private static readonly HashSet<string> Keys = ["country", "body", "checked", "reason", "evidence"];

    /// <summary>Loads and validates the file at <paramref name="path"/>.</summary>
    public static CoverageGapsLoadResult Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), Path.GetFileName(path)) : new CoverageGapsLoadResult([], []);

    /// <summary>Parses and validates YAML text; <paramref name="file"/> names it in problems.</summary>
    public static CoverageGapsLoadResult Parse(string yaml, string file)
    {
        var problems = new List<ConfigProblem>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return new CoverageGapsLoadResult([], [new ConfigProblem(file, $"line {ex.Start.Line}", "", $"invalid YAML: {ex.InnerException?.Message ?? ex.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || root.Children.Count != 1 || root.Children.Keys.Single() is not YamlScalarNode { Value: "gaps" }
            || root.Children.Values.Single() is not YamlSequenceNode list)
        {
            return new CoverageGapsLoadResult([], [new ConfigProblem(file, "", "", "expected a mapping with only a 'gaps' list")]);
        }

        var gaps = new List<CoverageGap>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (list.Children[i] is not YamlMappingNode map)
            {
                problems.Add(new ConfigProblem(file, $"gaps[{i}] (line {list.Children[i].Start.Line})", "", "must be a mapping"));
                continue;
            }

            if (Read(map, file, $"gaps[{i}] (line {map.Start.Line})", problems) is { } gap)
            {
                gaps.Add(gap);
            }
        }

        return new CoverageGapsLoadResult(gaps, problems);
    }

    private static CoverageGap? Read(YamlMappingNode map, string file, string entry, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(name))
            {
                problems.Add(new ConfigProblem(file, entry, name, $"unknown key; expected one of: {string.Join(", ", Keys)}"));
            }
            else if (value is not YamlScalarNode scalar)
            {
                problems.Add(new ConfigProblem(file, entry, name, "must be text"));
            }
            else
            {
                values[name] = string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }
        }

        string? Required(string field)
        {
            var value = values.GetValueOrDefault(field);
            if (value is null)
            {
                problems.Add(new ConfigProblem(file, entry, field, "missing"));
            }

            return value;
        }

        var country = Required("country");
        if (country is not null && !CountryCodes.IsKnown(country))
        {
            problems.Add(new ConfigProblem(file, entry, "country", $"'{country}' is not an ISO 3166-1 alpha-2 code, EU or INT (use upper case)"));
        }

        var body = Required("body");
        var reason = Required("reason");
        var evidence = Required("evidence");
        Uri? checkedUrl = null;
        if (values.GetValueOrDefault("checked") is { } text
            && (!Uri.TryCreate(text, UriKind.Absolute, out checkedUrl) || checkedUrl.Scheme is not ("http" or "https")))
        {
            problems.Add(new ConfigProblem(file, entry, "checked", $"'{text}' is not an absolute http(s) URL"));
        }

        return problems.Count > before ? null : new CoverageGap(country!, body!, checkedUrl, reason!, evidence!);
    }
}
