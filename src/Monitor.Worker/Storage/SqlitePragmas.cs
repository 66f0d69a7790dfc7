using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitor.Worker.Storage;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every SQLite connection. In WAL mode (set by the migrator) this is SQLite's
/// recommended setting: the database cannot be corrupted, and a crash of the process loses nothing; only a power cut
/// or an operating-system crash can lose the last transactions. It saves a disk flush on every commit (several
/// milliseconds), which would otherwise dominate storing an announcement. Also sets SQLite's own busy timeout (the
/// connection's <c>Default Timeout</c>): a writer that meets another's write lock waits inside SQLite, a few
/// milliseconds at a time, and goes on as soon as the lock is free, where Microsoft.Data.Sqlite's own retry sleeps
/// 150 ms between attempts (a digest run marking each message sent while the next page is recorded lost a fifth of its
/// speed to those sleeps).
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private static string Pragmas(DbConnection connection) =>
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={(connection is Microsoft.Data.Sqlite.SqliteConnection sqlite ? sqlite.DefaultTimeout : 30) * 1000};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
