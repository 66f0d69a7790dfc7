using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The <c>db migrate</c> verb.</summary>
public static class DbCommand
{
    /// <summary>Applies pending migrations and exits.</summary>
    public static async Task<int> MigrateAsync(ConfigPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync($"database is up to date ({host.Services.GetRequiredService<MonitorDbContextFactory>().Provider})");
        return 0;
    }
}
