using Monitor.Worker.Configuration;

namespace Monitor.Worker.Cli;

/// <summary>The <c>run</c> verb: the long-running worker.</summary>
public static class WorkerCommand
{
    /// <summary>Runs until stopped (SIGTERM / Ctrl+C); graceful shutdown waits for running jobs.</summary>
    public static async Task<int> RunAsync(ConfigPaths paths, CancellationToken cancellationToken)
    {
        await using var app = MonitorHost.CreateWorker(paths);
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
