using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.IntegrationTests.Infrastructure;
using Monitor.Worker.Storage;

namespace Monitor.IntegrationTests.CrashSafety;

/// <summary>
/// EF Core's SQLite migration lock is a row that a killed process leaves behind; the crash loop found every later start
/// hanging on it. A start removes a row left by a dead process, and still waits for a live one that is migrating.
/// </summary>
public sealed class StaleMigrationLockTests : IDisposable
{
    private readonly TestEnvironment _env = new();

    public StaleMigrationLockTests() =>
        _env.WriteSources("sources:\n  - id: unused\n    url: http://127.0.0.1:9/feed.xml\n    country: FR\n    language: en\n");

    public void Dispose() => _env.Dispose();

    [Fact]
    public async Task AStartAfterAProcessKilledWhileMigratingRemovesItsLockAndRuns()
    {
        using (await _env.StartHostAsync())
        {
        }

        await ExecuteAsync("CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL);" +
            "INSERT INTO \"__EFMigrationsLock\" VALUES (1, '2026-11-20 09:00:00');");

        // The real worker process, as after the kill: it must not wait for the dead process's lock.
        using var worker = WorkerProcess.Start(_env, null, "db", "migrate");
        Assert.Equal(0, await worker.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Removed the migration lock", worker.Output + worker.Error, StringComparison.Ordinal);
        Assert.Equal(0L, await ExecuteAsync("SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
    }

    [Fact]
    public async Task AStartWaitsWhileAnotherProcessIsMigrating()
    {
        using var host = MonitorHostFor(_env);
        var migrator = host.Services.GetRequiredService<DatabaseMigrator>();

        // A live migrator holds the lock file (the operating system releases it when that process ends).
        var lockFile = new FileStream(_env.DatabasePath + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var migrating = migrator.MigrateAsync(CancellationToken.None);
        await Task.Delay(1500);
        Assert.False(migrating.IsCompleted, "the start did not wait for the process holding the migration lock");

        await lockFile.DisposeAsync();
        await migrating.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0L, await ExecuteAsync("SELECT COUNT(*) FROM \"__EFMigrationsLock\";"));
    }

    private static Microsoft.Extensions.Hosting.IHost MonitorHostFor(TestEnvironment env) =>
        Monitor.Worker.Cli.MonitorHost.CreateOneShot(env.Paths, overrides: env.Settings);

    private async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_env.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
