using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace Monitor.Worker.Configuration;

/// <summary>Says where a setting's value came from (which file, the environment, the built-in default), for messages.</summary>
public static class SettingSources
{
    /// <summary>The source of <paramref name="key"/>: a file name, "environment (Monitor__X__Y)", "overrides" or "default".</summary>
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
                MemoryConfigurationProvider => "overrides",
                _ => provider.GetType().Name.Replace("ConfigurationProvider", "", StringComparison.Ordinal),
            };
        }

        return "default";
    }

    private static bool HasChildren(IConfigurationProvider provider, string key) => provider.GetChildKeys([], key).Any();
}
