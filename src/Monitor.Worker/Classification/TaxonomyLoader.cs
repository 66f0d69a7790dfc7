using Monitor.Worker.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monitor.Worker.Classification;

/// <summary>Loads and validates <c>taxonomy.yaml</c>.</summary>
public static class TaxonomyLoader
{
    /// <summary>Loads the taxonomy at <paramref name="path"/>; problems are listed, never thrown.</summary>
    /// <returns>The taxonomy (null when any problem was found) and every problem, each naming file, entry and field.</returns>
    public static (Taxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems) Load(string path)
        => Load(path, loadStatisticalModel: true);

    /// <summary>Loads the taxonomy; with <paramref name="loadStatisticalModel"/> false the <c>model_file</c> setting is
    /// ignored (training builds a new model from the rules alone).</summary>
    public static (Taxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems) Load(string path, bool loadStatisticalModel) =>
        Load(path, loadStatisticalModel, new ConfigurationLimits());

    /// <summary>Loads the taxonomy within <paramref name="limits"/> (file size).</summary>
    public static (Taxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems) Load(string path, bool loadStatisticalModel, ConfigurationLimits limits)
    {
        var file = Path.GetFileName(path);
        if (limits.CheckSize(path) is { } tooLarge)
        {
            return (null, [tooLarge]);
        }

        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [new ConfigProblem(file, "", "", $"cannot read the file: {ex.Message}")]);
        }

        var (taxonomy, problems) = Parse(yaml, file);
        if (taxonomy is null || !loadStatisticalModel || taxonomy.ModelFile is null)
        {
            return (problems.Count == 0 ? taxonomy?.Taxonomy : null, problems);
        }

        var modelPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", taxonomy.ModelFile);
        var (model, error) = StatisticalModel.TryLoad(modelPath);
        if (error is not null)
        {
            return (null, [.. problems, new ConfigProblem(file, "settings", "model_file", error)]);
        }

        return (problems.Count == 0 ? taxonomy.Taxonomy.WithStatistical(model) : null, problems);
    }

    /// <summary>Parses taxonomy YAML text; <paramref name="file"/> names the source in problems.</summary>
    internal static (ParsedTaxonomy? Taxonomy, IReadOnlyList<ConfigProblem> Problems) Parse(string yaml, string file)
    {
        if (YamlDepth.Check(yaml) is { } tooDeep)
        {
            return (null, [new ConfigProblem(file, "", "", tooDeep)]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            return (null, [new ConfigProblem(file, "", "", $"invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}")]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            return (null, [new ConfigProblem(file, "", "", "the file must be a YAML mapping with topics, countries and models")]);
        }

        var reader = new TaxonomyReader(file);
        var parsed = reader.Read(root);
        return (parsed, reader.Problems);
    }
}

/// <summary>A parsed taxonomy plus the model file it names (relative to the taxonomy file).</summary>
internal sealed record ParsedTaxonomy(Taxonomy Taxonomy, string? ModelFile);
