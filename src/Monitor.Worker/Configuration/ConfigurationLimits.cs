using System.ComponentModel.DataAnnotations;

namespace Monitor.Worker.Configuration;

/// <summary>Bounds on the configuration files, applied at start, by <c>sources check</c> and by hot reload. Section <c>Monitor:Limits</c>.</summary>
public sealed class ConfigurationLimits
{
    public const string SectionName = "Monitor:Limits";

    /// <summary>Largest <c>sources.yaml</c>, <c>taxonomy.yaml</c> or <c>appsettings*.json</c> read, in bytes.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxConfigFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Most sources <c>sources.yaml</c> may list.</summary>
    [Range(1, 1_000_000)]
    public int MaxSources { get; set; } = 10_000;

    /// <summary>Problems printed or logged in full; the rest are counted.</summary>
    [Range(1, 100_000)]
    public int MaxProblemsListed { get; set; } = 100;

    /// <summary>Problems collected before checking stops (a file of garbage is not read to its end).</summary>
    public const int MaxProblemsCollected = 10_000;

    /// <summary>The limits set in <paramref name="configuration"/> (defaults for values that are missing or not numbers).</summary>
    public static ConfigurationLimits From(IConfiguration configuration)
    {
        var limits = new ConfigurationLimits();
        var section = configuration.GetSection(SectionName);
        if (long.TryParse(section[nameof(MaxConfigFileBytes)], out var bytes) && bytes >= 1024)
        {
            limits.MaxConfigFileBytes = bytes;
        }

        if (int.TryParse(section[nameof(MaxSources)], out var sources) && sources >= 1)
        {
            limits.MaxSources = sources;
        }

        if (int.TryParse(section[nameof(MaxProblemsListed)], out var listed) && listed >= 1)
        {
            limits.MaxProblemsListed = listed;
        }

        return limits;
    }

    /// <summary>A problem for <paramref name="path"/> when it is larger than <see cref="MaxConfigFileBytes"/>, else null.</summary>
    public ConfigProblem? CheckSize(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length > MaxConfigFileBytes
            ? new ConfigProblem(info.Name, "", "", $"the file is {Megabytes(info.Length)}; the limit is {Megabytes(MaxConfigFileBytes)} (Monitor:Limits:MaxConfigFileBytes)")
            : null;
    }

    /// <summary>The first <see cref="MaxProblemsListed"/> problems as lines, and a last line counting the others.</summary>
    public IEnumerable<string> Listing(IReadOnlyList<ConfigProblem> problems)
    {
        foreach (var problem in problems.Take(MaxProblemsListed))
        {
            yield return problem.ToString();
        }

        if (problems.Count > MaxProblemsListed)
        {
            yield return $"... and {problems.Count - MaxProblemsListed:N0} more (Monitor:Limits:MaxProblemsListed)";
        }
    }

    /// <summary>Bytes for a person: "0.2 MB; the limit is 0.2 MB" said nothing for files under a megabyte.</summary>
    private static string Megabytes(long bytes) => bytes switch
    {
        < 10 * 1024 => $"{bytes:N0} bytes",
        < 1024 * 1024 => $"{bytes / 1024.0:N0} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };
}
