using Microsoft.EntityFrameworkCore;
using Monitor.Worker.Configuration;
using Monitor.Worker.Storage;

namespace Monitor.Worker.Cli;

/// <summary>The <c>db migrate</c> and <c>db vacuum</c> verbs.</summary>
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

    /// <summary>SQLite: VACUUM rebuilds the file so the space retention freed goes back to the file system (it needs
    /// free disk space about the size of the database while it runs). SQL Server reuses freed pages by itself.</summary>
    public static async Task<int> VacuumAsync(ConfigPaths paths, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = MonitorHost.CreateOneShot(paths);
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        var contexts = host.Services.GetRequiredService<MonitorDbContextFactory>();
        if (contexts.Provider != DatabaseProvider.Sqlite)
        {
            await output.WriteLineAsync($"nothing to do on {contexts.Provider}: the server reuses freed pages (shrink files with its own tools if you must)");
            return 0;
        }

        var location = DatabaseLocation.SqliteFile(contexts.ConnectionString);
        var before = location is not null && File.Exists(location) ? new FileInfo(location).Length : 0;
        await using (var db = contexts.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
        }

        var after = location is not null && File.Exists(location) ? new FileInfo(location).Length : 0;
        await output.WriteLineAsync($"vacuumed {location}: {before / 1024.0:N0} KB -> {after / 1024.0:N0} KB");
        return 0;
    }
}
