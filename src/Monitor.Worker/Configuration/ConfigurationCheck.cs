using Monitor.Worker.Classification;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Configuration;

/// <summary>Everything start-up and <c>sources check</c> validate: settings, sources, taxonomy and mail templates, every problem listed.</summary>
public static class ConfigurationCheck
{
    /// <summary>Loads and validates all configuration; the loaded parts are returned even when some problems exist.</summary>
    public static ConfigurationCheckResult Run(IConfiguration configuration, ConfigPaths paths)
    {
        var problems = new List<ConfigProblem>();
        problems.AddRange(SettingsValidator.Validate(configuration));

        var sources = SourcesFileLoader.Load(paths.SourcesFile);
        problems.AddRange(sources.Problems);

        var (taxonomy, taxonomyProblems) = TaxonomyLoader.Load(paths.TaxonomyFile);
        problems.AddRange(taxonomyProblems);

        problems.AddRange(Digest.MailTemplates.Load(paths.Directory).Problems);

        return new ConfigurationCheckResult(sources.Sources, taxonomy, problems);
    }
}
