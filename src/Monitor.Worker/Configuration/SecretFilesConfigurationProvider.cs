using System.Collections;

namespace Monitor.Worker.Configuration;

/// <summary>Reads the <c>*_FILE</c> variables of <see cref="SecretFilesConfigurationSource"/>; remembers which file
/// gave which key, for messages that say where a value came from.</summary>
public sealed class SecretFilesConfigurationProvider(IDictionary environment) : ConfigurationProvider
{
    private const string Suffix = "_FILE";

    private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The variable and file that set <paramref name="key"/>, e.g. <c>Monitor__Smtp__Password_FILE (/run/secrets/smtp)</c>.</summary>
    public string? Describe(string key) => _files.TryGetValue(key, out var file) ? $"{key.Replace(":", "__", StringComparison.Ordinal)}{Suffix} ({file})" : null;

    /// <inheritdoc />
    /// <exception cref="ConfigurationException">A file cannot be read, is too large, or its variable is also set directly.</exception>
    public override void Load()
    {
        var problems = new List<ConfigProblem>();
        foreach (DictionaryEntry entry in environment)
        {
            var name = (string)entry.Key;
            if (!name.EndsWith(Suffix, StringComparison.Ordinal)
                || !(name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Monitor__", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var variable = name[..^Suffix.Length];
            var key = variable.Replace("__", ":", StringComparison.Ordinal);
            var path = entry.Value as string ?? "";
            if (environment.Contains(variable))
            {
                problems.Add(new ConfigProblem("environment", name, "", $"{variable} is set too: give the value one way"));
                continue;
            }

            try
            {
                var info = new FileInfo(path);
                if (info.Exists && info.Length > SecretFilesConfigurationSource.MaxBytes)
                {
                    problems.Add(new ConfigProblem("environment", name, "", $"'{path}' is larger than {SecretFilesConfigurationSource.MaxBytes / 1024} KB: not a secret file"));
                    continue;
                }

                Data[key] = File.ReadAllText(path).TrimEnd('\r', '\n');
                _files[key] = path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var why = ex switch
                {
                    FileNotFoundException or DirectoryNotFoundException => "file not found",
                    UnauthorizedAccessException => "permission denied",
                    _ => ex.Message,
                };
                problems.Add(new ConfigProblem("environment", name, "", $"cannot read '{path}': {why}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
    }
}
