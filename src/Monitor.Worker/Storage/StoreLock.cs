using Microsoft.EntityFrameworkCore;

namespace Monitor.Worker.Storage;

/// <summary>
/// The announcement store's database-level lock, taken inside a write transaction and released with it: every writer on
/// the database (every replica) takes the same one, so lookups and inserts of stories never interleave.
/// </summary>
internal static class StoreLock
{
    /// <summary>The PostgreSQL advisory lock key (the ASCII bytes of "Monitor" and a 1), fixed for every version.</summary>
    internal const long PostgreSqlKey = 0x4d6f6e69746f7201;

    /// <summary>The SQL Server application lock resource.</summary>
    internal const string SqlServerResource = "monitor:announcements";

    /// <summary>Waits for the lock inside <paramref name="db"/>'s current transaction (SQLite: nothing to do, its
    /// <c>BEGIN IMMEDIATE</c> holds the file's write lock already).</summary>
    public static async Task AcquireAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        switch (db)
        {
            case SqliteMonitorDbContext:
                return;
            case PostgreSqlMonitorDbContext:
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [PostgreSqlKey], cancellationToken);
                return;
            default:
                // sp_getapplock returns < 0 when it could not take the lock (timeout, deadlock victim): fail the batch then.
                var result = await db.Database.SqlQueryRaw<int>(
                    "DECLARE @r int; EXEC @r = sp_getapplock @Resource = {0}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000; SELECT @r AS [Value]",
                    SqlServerResource).ToListAsync(cancellationToken);
                if (result.Count == 0 || result[0] < 0)
                {
                    throw new InvalidOperationException($"could not take the store lock on SQL Server (sp_getapplock returned {(result.Count == 0 ? "nothing" : result[0])})");
                }

                return;
        }
    }
}
