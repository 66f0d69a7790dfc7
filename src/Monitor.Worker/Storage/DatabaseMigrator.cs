using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Monitor.Worker.Storage;

/// <summary>
/// Applies migrations in <see cref="StartAsync"/>. Registered before the scheduler, so no job ever runs against an old
/// schema (eShop's migrator pattern).
/// </summary>
public sealed class DatabaseMigrator(MonitorDbContextFactory contexts, IOptions<StorageOptions> options, ILogger<DatabaseMigrator> logger) : IHostedService
{
    /// <summary>How long a start waits for another Monitor process that is applying migrations to the same database
    /// (<see cref="SqliteMigrationLock"/> for a SQLite file, <see cref="ServerMigrationLock"/> for a server).</summary>
    private static readonly TimeSpan MigrationLockTimeout = TimeSpan.FromMinutes(2);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStart)
        {
            await MigrateAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies pending migrations now.</summary>
    /// <exception cref="DatabaseUnavailableException">The database cannot be reached, opened or written.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException } or IOException or UnauthorizedAccessException or TimeoutException)
        {
            var cause = ex is InvalidOperationException { InnerException: { } inner } ? inner.Message : ex.Message;
            logger.LogDebug(ex, "Opening the database failed");
            throw new DatabaseUnavailableException(
                $"cannot open the database ({contexts.Describe()}): {cause.Split('\n')[0].Trim()} — check ConnectionStrings:Monitor and that the database is reachable", ex);
        }
    }

    private async Task MigrateCoreAsync(CancellationToken cancellationToken)
    {
        if (contexts.Provider == DatabaseProvider.Sqlite && DatabaseLocation.CreateDirectory(contexts.ConnectionString))
        {
            logger.LogWarning("Created the missing database directory {Directory}", Path.GetDirectoryName(DatabaseLocation.SqliteFile(contexts.ConnectionString)));
        }

        await using var migrationLock = contexts.Provider == DatabaseProvider.Sqlite && DatabaseLocation.SqliteFile(contexts.ConnectionString) is { } file
            ? await SqliteMigrationLock.AcquireAsync(file, MigrationLockTimeout, cancellationToken)
            : null;
        await using var serverLock = contexts.Provider == DatabaseProvider.Sqlite
            ? null
            : await ServerMigrationLock.AcquireAsync(contexts.Provider, contexts.ConnectionString, MigrationLockTimeout, cancellationToken);
        await using var db = contexts.CreateDbContext();
        if (migrationLock is not null && await SqliteMigrationLock.RemoveStaleRowAsync(db, cancellationToken) > 0)
        {
            logger.LogWarning("Removed the migration lock left in the database by a process that stopped while migrating");
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            // Only then: MigrateAsync takes EF Core's lock even when nothing is pending (a routine start would write) and
            // diffs the model against the migrations' snapshot (EF 9+), about a third of a second of CPU and tens of MB.
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, contexts.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (contexts.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets the digest read while a crawl writes; the busy timeout waits out short write locks.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
