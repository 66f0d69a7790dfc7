using Monitor.Worker.Configuration;
using Monitor.Worker.Sources;

namespace Monitor.Worker.Cli;

/// <summary>Completions that depend on the configuration: the source ids of <c>sources.yaml</c> for <c>sources test ID</c>
/// and <c>crawl --source</c>. A configuration that cannot be read completes nothing.</summary>
internal static class CliCompletions
{
    /// <summary>Completions for <paramref name="key"/> (<c>sources test</c>, <c>crawl --source</c>), with the
    /// configuration in <paramref name="configDirectory"/> (null: the default one).</summary>
    public static IEnumerable<string> For(string key, string? configDirectory)
    {
        if (key is not ("sources test" or "crawl --source"))
        {
            return [];
        }

        try
        {
            var loaded = SourcesFileLoader.Load(ConfigPaths.Resolve(configDirectory).SourcesFile);
            return loaded.Sources.Select(s => s.Id).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ConfigurationException)
        {
            return [];
        }
    }
}
