using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>
/// Keeps EF Core's SQLite migration lock from outliving a killed process. EF Core (9 and later) takes that lock as a
/// row in <c>__EFMigrationsLock</c>, even when nothing is pending, and deletes it when done: a process killed in between
/// leaves the row in the file, and every later start waits for it forever at no CPU (dotnet/efcore#38958; the crash
/// harness found it). Monitor's migrators first take an operating-system lock on a file next to the database, which the
/// kernel releases when its holder dies; whoever holds it is the only migrator alive, so a lock row found then was left
/// by a dead process and is removed.
/// </summary>
internal sealed class SqliteMigrationLock : IAsyncDisposable
{
    private const string LockTable = "__EFMigrationsLock";
    private readonly FileStream _file;

    private SqliteMigrationLock(FileStream file) => _file = file;

    /// <summary>The file whose operating-system lock stands for "migrating": the database file's name plus <c>.migrating</c>.</summary>
    public static string LockFileFor(string databaseFile) => databaseFile + ".migrating";

    /// <summary>Takes the lock, waiting up to <paramref name="timeout"/> for another Monitor process that migrates.</summary>
    /// <exception cref="DatabaseUnavailableException">Another process held it for the whole of <paramref name="timeout"/>.</exception>
    public static async Task<SqliteMigrationLock> AcquireAsync(string databaseFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = LockFileFor(databaseFile);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix and a share lock on Windows; both end with the process.
                // Read access is enough to lock, so a lock file created by another user (root running db migrate) works.
                return new SqliteMigrationLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None));
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new DatabaseUnavailableException(
                        $"another process has been applying migrations to '{databaseFile}' for over {timeout.TotalSeconds:0} s (it holds '{path}'): wait for it or stop it", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    /// <summary>Removes a lock row left by a migrator that died; the number of rows removed (0 when there was none).</summary>
    public static async Task<int> RemoveStaleRowAsync(DbContext db, CancellationToken cancellationToken)
    {
        var exists = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {LockTable}")
            .SingleAsync(cancellationToken);
        return exists == 0 ? 0 : await db.Database.ExecuteSqlRawAsync($"DELETE FROM \"{LockTable}\"", cancellationToken);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
