using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Monitor.Worker.Storage;

/// <summary>
/// Sets <c>synchronous=NORMAL</c> on every SQLite connection. In WAL mode (set by the migrator) this is SQLite's
/// recommended setting: the database cannot be corrupted, and a crash of the process loses nothing; only a power cut
/// or an operating-system crash can lose the last transactions. It saves a disk flush on every commit (several
/// milliseconds), which would otherwise dominate storing an announcement.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
