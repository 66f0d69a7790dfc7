using System.Text.RegularExpressions;

namespace Monitor.Tests.Config;

/// <summary>The deployment files say what the README promises: the image is built by the very publish command CI runs,
/// and the compose file runs the worker read-only with writable /data and /tmp, a health check and a restart policy.</summary>
public sealed partial class DeploymentFilesTests
{
    [Fact]
    public void TheDockerfilePublishesExactlyAsCiDoes()
    {
        var docker = PublishCommands(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile")));
        var ci = PublishCommands(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run")));

        Assert.Equal("dotnet publish src/Monitor.Worker/Monitor.Worker.csproj -c Release --no-restore --ucr --self-contained false -o OUT", Assert.Single(docker));
        Assert.Equal(docker, ci);
    }

    [Fact]
    public void TheCrawlBenchmarkRunsWithTheContainersMallocArenas()
    {
        var docker = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"));
        var bench = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "bench", "crawl.sh"));

        var arenas = Regex.Match(docker, @"^\s+MALLOC_ARENA_MAX=(\d+)\s*$", RegexOptions.Multiline);
        Assert.True(arenas.Success, "the Dockerfile's ENV sets MALLOC_ARENA_MAX");
        Assert.Contains($"export MALLOC_ARENA_MAX={arenas.Groups[1].Value}\n", bench, StringComparison.Ordinal);
    }

    [Fact]
    public void ComposeRunsTheWorkerReadOnlyWithHealthAndRestart()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));
        var worker = compose[compose.IndexOf("  monitor:", StringComparison.Ordinal)..];

        Assert.Contains("read_only: true", worker, StringComparison.Ordinal);
        Assert.Matches(@"tmpfs:\s+- /tmp", worker);
        Assert.Contains("- monitor-data:/data", worker, StringComparison.Ordinal);
        Assert.Contains("\"http://127.0.0.1:8080/health/ready\"", worker, StringComparison.Ordinal);
        Assert.Contains("restart: unless-stopped", worker, StringComparison.Ordinal);
    }

    /// <summary>Each <c>dotnet publish</c> command, with its output folder written as OUT.</summary>
    private static List<string> PublishCommands(string text) =>
        Publish().Matches(text).Select(m => OutputFolder().Replace(m.Value.Trim(), "-o OUT")).ToList();

    [GeneratedRegex(@"dotnet publish [^\n>;&|]*")]
    private static partial Regex Publish();

    [GeneratedRegex(@"-o (""[^""]*""|\S+)")]
    private static partial Regex OutputFolder();
}
