using Monitor.Worker.Configuration;

namespace Monitor.Tests.Config;

/// <summary>Paths into the repository these tests were built from (found by walking up to <c>Monitor.sln</c>).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Monitor.sln not found above {AppContext.BaseDirectory}");
    });

    /// <summary>The folder holding <c>Monitor.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shipped <c>config/</c> folder.</summary>
    public static ConfigPaths Config => new(Path.Combine(Root, "config"));
}
