namespace Monitor.Worker.Configuration;

/// <summary>Where the configuration files live: <c>--config DIR</c>, else <c>MONITOR_CONFIG_DIR</c>, else <c>./config</c>, else next to the binary.</summary>
public sealed record ConfigPaths(string Directory)
{
    /// <summary>The environment variable that names the configuration directory.</summary>
    public const string EnvironmentVariable = "MONITOR_CONFIG_DIR";

    public string AppSettingsFile => Path.Combine(Directory, "appsettings.json");

    public string SourcesFile => Path.Combine(Directory, "sources.yaml");

    public string TaxonomyFile => Path.Combine(Directory, "taxonomy.yaml");

    /// <summary>The curated list of governments without a machine-readable listing, read by <c>sources coverage</c>.</summary>
    public string CoverageGapsFile => Path.Combine(Directory, "coverage-gaps.yaml");

    /// <summary>Resolves the directory from an explicit value, the environment, the working directory or the binary's folder.</summary>
    public static ConfigPaths Resolve(string? explicitDirectory)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return new ConfigPaths(Path.GetFullPath(explicitDirectory));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new ConfigPaths(Path.GetFullPath(fromEnvironment));
        }

        var local = Path.GetFullPath("config");
        return System.IO.Directory.Exists(local)
            ? new ConfigPaths(local)
            : new ConfigPaths(Path.Combine(AppContext.BaseDirectory, "config"));
    }
}
