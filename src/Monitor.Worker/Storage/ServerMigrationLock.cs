using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace Monitor.Worker.Storage;

/// <summary>
/// A lock on a server database held while one process applies migrations, so replicas starting together migrate one
/// after another: PostgreSQL <c>pg_advisory_lock</c>, SQL Server <c>sp_getapplock</c> owned by the session, each on a
/// connection of its own that nothing else uses and that is not pooled (a crashed process's session ends, and its lock
/// with it). EF Core's own migration lock does not cover this on PostgreSQL: it lasts one migration's transaction, so
/// with several pending migrations a second process that waited re-applied the next one the first had just applied
/// ("relation already exists").
/// </summary>
internal sealed class ServerMigrationLock : IAsyncDisposable
{
    /// <summary>The PostgreSQL advisory lock key (the ASCII bytes of "Monitor" and a 2), fixed for every version.</summary>
    internal const long PostgreSqlKey = 0x4d6f6e69746f7202;

    /// <summary>The SQL Server application lock resource.</summary>
    internal const string SqlServerResource = "monitor:migrations";

    private readonly DbConnection _connection;

    private ServerMigrationLock(DbConnection connection) => _connection = connection;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock of the database <paramref name="connectionString"/> names.</summary>
    /// <exception cref="TimeoutException">Another process held it for longer.</exception>
    public static async Task<ServerMigrationLock> AcquireAsync(DatabaseProvider provider, string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        DbConnection connection = provider == DatabaseProvider.PostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqlConnection(new SqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds) + 30;
            if (provider == DatabaseProvider.PostgreSql)
            {
                // lock_timeout bounds the wait; the lock itself lasts until unlocked or the session ends.
                command.CommandText = $"SET lock_timeout = {(long)timeout.TotalMilliseconds}; SELECT pg_advisory_lock({PostgreSqlKey});";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                command.CommandText = $"DECLARE @r int; EXEC @r = sp_getapplock @Resource = '{SqlServerResource}', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = {(long)timeout.TotalMilliseconds}; SELECT @r;";
                if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) < 0)
                {
                    throw new TimeoutException($"another Monitor process has been applying migrations for more than {timeout.TotalMinutes:0} minutes");
                }
            }

            return new ServerMigrationLock(connection);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await connection.DisposeAsync();
            throw new TimeoutException($"another Monitor process has been applying migrations for more than {timeout.TotalMinutes:0} minutes", ex);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closes the lock's session, which releases the lock.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
