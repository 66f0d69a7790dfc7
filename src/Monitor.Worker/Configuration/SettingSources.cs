using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Monitor.Worker.Configuration;

/// <summary>Says where a setting's value came from (which file, the environment, the built-in default), for messages.</summary>
public static class SettingSources
{
    /// <summary>The source of <paramref name="key"/>: a file name, "environment (Monitor__X__Y)", "settings" or "default".</summary>
    /// <remarks>
    /// Values set in memory (the demo's own settings, a test's) are called "settings": the word a person reading the
    /// message knows them by. "overrides" is only the name of a parameter in code and told a reader nothing.
    /// </remarks>
    public static string Describe(IConfiguration configuration, string key)
    {
        if (configuration is not IConfigurationRoot root)
        {
            return "settings";
        }

        foreach (var provider in root.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _) && !HasChildren(provider, key))
            {
                continue;
            }

            return provider switch
            {
                JsonConfigurationProvider json => Path.GetFileName(json.Source.Path) ?? "settings file",
                EnvironmentVariablesConfigurationProvider => $"environment ({key.Replace(":", "__", StringComparison.Ordinal)})",
                SecretFilesConfigurationProvider files => $"file {files.Describe(key) ?? "(a _FILE variable)"}",
                MemoryConfigurationProvider => "settings",
                _ => provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal),
            };
        }

        return "default";
    }

    private static bool HasChildren(IConfigurationProvider provider, string key) => provider.GetChildKeys([], key).Any();
}
