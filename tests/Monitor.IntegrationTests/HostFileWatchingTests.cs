using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Cli;

namespace Monitor.IntegrationTests;

/// <summary>
/// No host watches files for configuration changes: a reloading settings file watches its whole directory tree, and the
/// working directory holds the database by default (<c>data/monitor.db</c>), so every write of a crawl woke the watcher.
/// </summary>
public sealed class HostFileWatchingTests
{
    [Fact]
    public async Task WorkerAndOneShotHostsReloadNoSettingsFileOnChange()
    {
        using var env = new TestEnvironment();
        env.WriteSources("sources: []\n");

        await using (var worker = MonitorHost.CreateWorker(env.Paths, env.Settings))
        {
            AssertNothingWatched(worker.Services.GetRequiredService<IConfiguration>());
        }

        using var oneShot = MonitorHost.CreateOneShot(env.Paths, overrides: env.Settings);
        AssertNothingWatched(oneShot.Services.GetRequiredService<IConfiguration>());
    }

    private static void AssertNothingWatched(IConfiguration configuration)
    {
        var files = ((IConfigurationRoot)configuration).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} reloads on change"));
    }
}
